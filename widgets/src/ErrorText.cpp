#include "herald/widgets/ErrorText.h"

#include <QCoreApplication>

namespace herald::ui {

QString errorSummary(const herald::Error& error)
{
    switch (error.code) {
    case ErrorCode::Invalid: return QCoreApplication::translate("ErrorText", "The input is not valid.");
    case ErrorCode::NotFound: return QCoreApplication::translate("ErrorText", "The file or item could not be found.");
    case ErrorCode::Storage: return QCoreApplication::translate("ErrorText", "The workspace file could not be read or written.");
    case ErrorCode::NotWorkspace: return QCoreApplication::translate("ErrorText", "This file is not a Herald workspace.");
    case ErrorCode::TooNew:
        return QCoreApplication::translate("ErrorText", "This workspace was saved by a newer version of Herald. Update Herald "
                                                "to open it; the file was not changed.");
    case ErrorCode::ReadOnly:
        return QCoreApplication::translate("ErrorText", "Herald cannot write to this location. Copy the workspace to a "
                                                "folder you can write to.");
    case ErrorCode::Parse: return QCoreApplication::translate("ErrorText", "The data is malformed.");
    case ErrorCode::Network: return QCoreApplication::translate("ErrorText", "The network could not be reached.");
    case ErrorCode::Timeout: return QCoreApplication::translate("ErrorText", "The request timed out.");
    case ErrorCode::RateLimited: return QCoreApplication::translate("ErrorText", "The platform asked Herald to slow down.");
    case ErrorCode::AuthExpired: return QCoreApplication::translate("ErrorText", "The account needs to be connected again.");
    case ErrorCode::Permission: return QCoreApplication::translate("ErrorText", "The account lacks a needed permission.");
    case ErrorCode::Cancelled: return QCoreApplication::translate("ErrorText", "The operation was cancelled.");
    }
    return QCoreApplication::translate("ErrorText", "Something went wrong.");
}

} // namespace herald::ui
