#include <QTest>

#include <fstream>

#include "TestSupport.h"
#include "herald/connectors/publish/PostValidation.h"

using namespace herald;
using namespace herald::connectors;

namespace {

engine::Account account(std::int64_t id, engine::Platform platform)
{
    engine::Account a;
    a.id = id;
    a.platform = platform;
    a.handle = "acct" + std::to_string(id);
    return a;
}

std::vector<ProblemKind> kinds(const std::vector<ValidationProblem>& problems)
{
    std::vector<ProblemKind> out;
    for (const auto& p : problems)
        out.push_back(p.kind);
    return out;
}

const std::vector<engine::Account> kAccounts{account(1, engine::Platform::Mastodon),
                                             account(2, engine::Platform::Bluesky), account(3, engine::Platform::X),
                                             account(4, engine::Platform::LinkedIn)};

} // namespace

class TestPostValidation : public QObject
{
    Q_OBJECT

private slots:
    void limitsPerNetwork()
    {
        PostDraft draft;
        draft.accountIds = {1, 2, 3};
        draft.body = std::string(281, 'a'); // within Mastodon's 500 and Bluesky's 300, over X's 280
        auto problems = validatePost(draft, kAccounts, "", 0);
        QCOMPARE(problems.size(), std::size_t(1));
        QCOMPARE(problems[0].kind, ProblemKind::TextTooLong);
        QCOMPARE(problems[0].accountId, std::int64_t(3));
        QVERIFY(problems[0].detail.find("281 of 280") != std::string::npos);

        // A variant replaces the body for its account only.
        draft.variants = {{3, "short for X"}};
        QVERIFY(validatePost(draft, kAccounts, "", 0).empty());
        // CJK weighs 2 on X: 141 ideographs count 282.
        std::string cjk;
        for (int i = 0; i < 141; ++i)
            cjk += "\xe4\xb8\xad";
        draft.variants = {{3, cjk}};
        QCOMPARE(kinds(validatePost(draft, kAccounts, "", 0)), std::vector<ProblemKind>{ProblemKind::TextTooLong});
        // Bluesky counts graphemes: 301 flags are too many, 300 are fine.
        std::string flags;
        for (int i = 0; i < 300; ++i)
            flags += "\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa"; // DE flag: one grapheme
        PostDraft bluesky;
        bluesky.accountIds = {2};
        bluesky.body = flags;
        QVERIFY(validatePost(bluesky, kAccounts, "", 0).empty());
        bluesky.body += "\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa";
        QCOMPARE(kinds(validatePost(bluesky, kAccounts, "", 0)), std::vector<ProblemKind>{ProblemKind::TextTooLong});
    }

    void accountsScheduleAndEmptyText()
    {
        PostDraft draft;
        QCOMPARE(kinds(validatePost(draft, kAccounts, "", 0)), std::vector<ProblemKind>{ProblemKind::NoTargets});
        draft.accountIds = {1, 9, 4};
        draft.scheduledUtc = 100;
        auto problems = validatePost(draft, kAccounts, "", 200);
        QCOMPARE(kinds(problems), (std::vector<ProblemKind>{ProblemKind::InThePast, ProblemKind::EmptyText,
                                                            ProblemKind::UnknownAccount, ProblemKind::NotPublishable}));
        QVERIFY(hasBlockingProblem(problems));
        QCOMPARE(problemKindKey(ProblemKind::InThePast), std::string_view("in_the_past"));
    }

    void mediaChecked()
    {
        test::TempFolder folder;
        const std::string media = folder.path("media");
        const std::string photo = folder.path("photo.JPG");
        std::ofstream(photo, std::ios::binary) << "jpeg bytes";
        auto stored = importMediaFile(photo, media, "");
        QVERIFY(stored);
        QCOMPARE(stored->mime, std::string("image/jpeg"));
        QCOMPARE(stored->sha256.size(), std::size_t(64));
        QCOMPARE(stored->path, stored->sha256 + ".jpg");
        QCOMPARE(stored->sizeBytes, std::int64_t(10));
        QCOMPARE(sha256OfFile(resolveMediaPath(media, stored->path)).value(), stored->sha256);
        // Known value: SHA-256("jpeg bytes").
        QCOMPARE(stored->sha256, std::string("1b48e21282963dfba2ffff3a4c331471242fe42fd0a51161e56df72085c445c9"));

        PostDraft draft;
        draft.accountIds = {1};
        draft.body = "look";
        draft.media = {{stored->path, stored->mime, "", stored->sha256}};
        auto problems = validatePost(draft, kAccounts, media, 0);
        QCOMPARE(kinds(problems), std::vector<ProblemKind>{ProblemKind::AltTextMissing});
        QVERIFY(!hasBlockingProblem(problems));
        draft.media.push_back({"missing.png", "", "alt", ""});
        QCOMPARE(kinds(validatePost(draft, kAccounts, media, 0)),
                 (std::vector<ProblemKind>{ProblemKind::MediaMissing, ProblemKind::AltTextMissing}));
        draft.media.pop_back();
        for (int i = 0; i < 4; ++i)
            draft.media.push_back({stored->path, stored->mime, "alt", stored->sha256});
        QCOMPARE(kinds(validatePost(draft, kAccounts, media, 0)),
                 (std::vector<ProblemKind>{ProblemKind::AltTextMissing, ProblemKind::MediaTooMany}));
        // A changed file is caught by its hash.
        draft.media = {{stored->path, stored->mime, "alt", std::string(64, '0')}};
        QCOMPARE(kinds(validatePost(draft, kAccounts, media, 0)), std::vector<ProblemKind>{ProblemKind::MediaMissing});
    }
};

QTEST_APPLESS_MAIN(TestPostValidation)
#include "tst_postvalidation.moc"
