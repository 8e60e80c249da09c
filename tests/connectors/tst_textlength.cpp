#include <QTest>

#include "TestSupport.h"
#include "herald/connectors/TextLength.h"

using herald::engine::Platform;

Q_DECLARE_METATYPE(herald::engine::Platform)

class TestTextLength : public QObject
{
    Q_OBJECT

private slots:
    void count_data();
    void count();
    void graphemes_data();
    void graphemes();
    void xLimitIs140Ideographs();
};

// Texts are UTF-8 byte strings (QByteArray), as the connectors receive them.
void TestTextLength::count_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<Platform>("platform");
    QTest::addColumn<int>("expected");

    QTest::newRow("mastodon-ascii") << QByteArray("hello") << Platform::Mastodon << 5;
    QTest::newRow("mastodon-latin") << QByteArray("Gr\u00fc\u00dfe") << Platform::Mastodon << 5;
    QTest::newRow("mastodon-cjk") << QByteArray("\u4f60\u597d\u4e16\u754c") << Platform::Mastodon << 4;
    QTest::newRow("mastodon-emoji") << QByteArray("\U0001F44B") << Platform::Mastodon << 1;
    QTest::newRow("mastodon-zwj-family") << QByteArray("\U0001F468\u200D\U0001F469\u200D\U0001F467")
                                         << Platform::Mastodon << 5;
    QTest::newRow("mastodon-combining") << QByteArray("e\u0301") << Platform::Mastodon << 2;
    QTest::newRow("mastodon-url") << QByteArray("see https://example.com/a/very/long/path?x=1 now")
                                  << Platform::Mastodon << 31;
    QTest::newRow("mastodon-url-period") << QByteArray("https://example.com.") << Platform::Mastodon << 24;
    QTest::newRow("mastodon-url-parens") << QByteArray("(https://en.wikipedia.org/wiki/Foo_(bar))")
                                         << Platform::Mastodon << 25;
    QTest::newRow("mastodon-short-url") << QByteArray("http://a.io") << Platform::Mastodon << 23;
    QTest::newRow("mastodon-scheme-only") << QByteArray("https://") << Platform::Mastodon << 8;
    QTest::newRow("mastodon-remote-mention") << QByteArray("@alice@mastodon.social hi") << Platform::Mastodon << 9;
    QTest::newRow("mastodon-local-mention") << QByteArray("@alice hi") << Platform::Mastodon << 9;
    QTest::newRow("mastodon-email") << QByteArray("mail bob@example.com") << Platform::Mastodon << 20;
    QTest::newRow("mastodon-invalid-utf8") << QByteArray("a\xff"
                                                         "b")
                                           << Platform::Mastodon << 3;
    QTest::newRow("mastodon-truncated-utf8") << QByteArray("a\xe4\xbd") << Platform::Mastodon << 3;

    QTest::newRow("bluesky-ascii") << QByteArray("hello") << Platform::Bluesky << 5;
    QTest::newRow("bluesky-zwj-family") << QByteArray("\U0001F468\u200D\U0001F469\u200D\U0001F467") << Platform::Bluesky
                                        << 1;
    QTest::newRow("bluesky-url-full") << QByteArray("https://bsky.app") << Platform::Bluesky << 16;
    QTest::newRow("bluesky-cjk") << QByteArray("\u4f60\u597d") << Platform::Bluesky << 2;

    QTest::newRow("x-ascii") << QByteArray("hello") << Platform::X << 5;
    QTest::newRow("x-latin") << QByteArray("Gr\u00fc\u00dfe") << Platform::X << 5;
    QTest::newRow("x-cyrillic") << QByteArray("\u041f\u0440\u0438\u0432\u0435\u0442") << Platform::X << 6;
    QTest::newRow("x-cjk") << QByteArray("\u4f60\u597d") << Platform::X << 4;
    QTest::newRow("x-japanese") << QByteArray("\u65e5\u672c\u8a9e\u306e\u30c6\u30ad\u30b9\u30c8") << Platform::X << 16;
    QTest::newRow("x-hangul") << QByteArray("\ud55c\uad6d\uc5b4") << Platform::X << 6;
    QTest::newRow("x-zwj-family") << QByteArray("\U0001F468\u200D\U0001F469\u200D\U0001F467") << Platform::X << 2;
    QTest::newRow("x-flag") << QByteArray("\U0001F1EF\U0001F1F5") << Platform::X << 2;
    QTest::newRow("x-skin-tone") << QByteArray("\U0001F44D\U0001F3FD") << Platform::X << 2;
    QTest::newRow("x-keycap") << QByteArray("1\uFE0F\u20E3") << Platform::X << 2;
    QTest::newRow("x-url") << QByteArray("a https://example.com/x b") << Platform::X << 27;
    QTest::newRow("x-curly-quotes") << QByteArray("\u201chi\u201d") << Platform::X << 4;
    QTest::newRow("x-ellipsis") << QByteArray("\u2026") << Platform::X << 2;
    QTest::newRow("x-combining") << QByteArray("e\u0301") << Platform::X << 2;

    QTest::newRow("linkedin-code-points") << QByteArray("Gr\u00fc\u00dfe \U0001F44B") << Platform::LinkedIn << 7;
}

void TestTextLength::count()
{
    QFETCH(QByteArray, text);
    QFETCH(Platform, platform);
    QFETCH(int, expected);
    QCOMPARE(herald::connectors::countForPlatform(std::string_view(text.constData(), text.size()), platform), expected);
}

void TestTextLength::graphemes_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("expected");
    QTest::newRow("empty") << QByteArray() << 0;
    QTest::newRow("ascii") << QByteArray("abc") << 3;
    QTest::newRow("combining-acute") << QByteArray("e\u0301") << 1;
    QTest::newRow("stacked-marks") << QByteArray("a\u0301\u0323\u0308b") << 2;
    QTest::newRow("zwj-family") << QByteArray("\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466") << 1;
    QTest::newRow("zwj-profession-skin") << QByteArray("\U0001F469\U0001F3FD\u200D\U0001F4BB") << 1;
    QTest::newRow("skin-tone") << QByteArray("\U0001F44D\U0001F3FD") << 1;
    QTest::newRow("two-flags") << QByteArray("\U0001F1EB\U0001F1F7\U0001F1E9\U0001F1EA") << 2;
    QTest::newRow("odd-regional") << QByteArray("\U0001F1EB\U0001F1F7\U0001F1E9") << 2;
    QTest::newRow("variation-selector") << QByteArray("\u2764\uFE0F") << 1;
    QTest::newRow("keycap") << QByteArray("1\uFE0F\u20E3") << 1;
    QTest::newRow("tag-flag") << QByteArray("\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F")
                              << 1;
    QTest::newRow("hangul-syllables") << QByteArray("\ud55c\uad6d\uc5b4") << 3;
    QTest::newRow("hangul-jamo") << QByteArray("\u1100\u1161\u11A8") << 1;
    QTest::newRow("hangul-lv-t") << QByteArray("\uAC00\u11A8") << 1;
    QTest::newRow("devanagari-spacing-mark") << QByteArray("\u0915\u093F") << 1;
    QTest::newRow("thai") << QByteArray("\u0e01\u0e34\u0e19") << 2;
    QTest::newRow("crlf") << QByteArray("a\r\nb") << 3;
    QTest::newRow("zwj-without-emoji") << QByteArray("a\u200Db") << 2;
    QTest::newRow("cjk") << QByteArray("\u4f60\u597d") << 2;
}

void TestTextLength::graphemes()
{
    QFETCH(QByteArray, text);
    QFETCH(int, expected);
    QCOMPARE(herald::connectors::graphemeCount(std::string_view(text.constData(), text.size())), std::size_t(expected));
}

void TestTextLength::xLimitIs140Ideographs()
{
    std::string text;
    for (int i = 0; i < 140; ++i)
        text += "\u4f60";
    QCOMPARE(herald::connectors::countForPlatform(text, Platform::X), 280);
    QCOMPARE(herald::connectors::countForPlatform(text, Platform::Mastodon), 140);
    QCOMPARE(herald::connectors::countForPlatform(text, Platform::Bluesky), 140);
}

QTEST_APPLESS_MAIN(TestTextLength)
#include "tst_textlength.moc"
