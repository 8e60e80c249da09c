#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "herald/engine/Result.h"

namespace herald::engine {

class Database;

/// Meta/LinkedIn email normalisation: trim surrounding whitespace, lower-case. Empty when the result is not
/// an address (no single '@' with text on both sides, or inner whitespace).
std::string normalizeEmail(std::string_view email);
/// Meta phone normalisation: digits only, no leading zeros, with the country calling code. A number
/// written with "+" or "00" carries its code; a national number gets the calling code of countryIso2 (its
/// trunk zeros dropped). Empty when no code can be determined or fewer than 7 digits remain.
std::string normalizePhone(std::string_view phone, std::string_view countryIso2);
/// The calling code of a country ("DE" -> "49"), empty when not in Herald's table.
std::string countryCallingCode(std::string_view countryIso2);
/// Lower-case hex SHA-256 of the bytes (OpenSSL EVP).
std::string identifierSha256(std::string_view bytes);

/// Identifiers of the audience members chosen for export.
struct ExportMember
{
    std::int64_t id = 0;
    std::string handle;
    std::string displayName;
    std::string platform;
    std::string email;
    std::string phone;
    std::string country;
};

Result<std::vector<ExportMember>> loadExportMembers(Database& db, const std::vector<std::int64_t>& memberIds);

/// A hashed customer list: one row per member with an identifier, EMAIL and PHONE SHA-256 (either may be empty).
struct CustomAudienceList
{
    std::vector<std::pair<std::string, std::string>> rows;
    std::int64_t members = 0;        // members considered
    std::int64_t emails = 0;         // usable emails
    std::int64_t phones = 0;         // usable phone numbers
    std::int64_t rejectedEmails = 0; // present but not an address
    std::int64_t rejectedPhones = 0; // present but no country code could be determined
};

/// Normalises and hashes. Invalid ("no identifiers") when no member has a usable email or phone.
Result<CustomAudienceList> buildCustomAudience(const std::vector<ExportMember>& members);
/// Meta customer-list CSV: header "email,phone", hashed values (Ads Manager accepts pre-hashed SHA-256).
std::string customAudienceCsv(const CustomAudienceList& list);
/// Marketing API /{audience_id}/users multi-key payload: {"payload":{"schema":["EMAIL","PHONE"],"data":[[..]]}}.
std::string customAudienceJson(const CustomAudienceList& list);
/// Handles CSV: handle,display_name,platform (RFC 4180 quoting).
std::string handlesCsv(const std::vector<ExportMember>& members);

} // namespace herald::engine
