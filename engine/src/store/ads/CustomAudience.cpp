#include "herald/engine/ads/CustomAudience.h"

#include <algorithm>
#include <cctype>
#include <memory>

#include <nlohmann/json.hpp>
#include <openssl/evp.h>

#include "herald/engine/store/Database.h"
#include "herald/engine/store/Statement.h"

namespace herald::engine {

namespace {

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view s)
{
    while (!s.empty() && isSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

std::string csvCell(const std::string& s)
{
    if (s.find_first_of(",\"\r\n") == std::string::npos)
        return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + '"';
}

} // namespace

std::string normalizeEmail(std::string_view email)
{
    const std::string_view t = trim(email);
    const auto at = t.find('@');
    if (at == std::string_view::npos || at == 0 || at + 1 >= t.size() || t.find('@', at + 1) != std::string_view::npos)
        return {};
    if (std::any_of(t.begin(), t.end(), isSpace))
        return {};
    std::string out(t);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
    return out;
}

std::string countryCallingCode(std::string_view country)
{
    // ITU-T E.164 country calling codes of the markets Herald's users target most; extend as needed.
    static const std::pair<const char*, const char*> kCodes[] = {
        {"US", "1"},   {"CA", "1"},   {"GB", "44"}, {"IE", "353"}, {"DE", "49"}, {"AT", "43"},  {"CH", "41"},
        {"FR", "33"},  {"BE", "32"},  {"NL", "31"}, {"LU", "352"}, {"ES", "34"}, {"PT", "351"}, {"IT", "39"},
        {"DK", "45"},  {"SE", "46"},  {"NO", "47"}, {"FI", "358"}, {"PL", "48"}, {"CZ", "420"}, {"GR", "30"},
        {"AU", "61"},  {"NZ", "64"},  {"JP", "81"}, {"KR", "82"},  {"CN", "86"}, {"HK", "852"}, {"TW", "886"},
        {"SG", "65"},  {"MY", "60"},  {"IN", "91"}, {"BR", "55"},  {"MX", "52"}, {"AR", "54"},  {"ZA", "27"},
        {"AM", "374"}, {"IL", "972"}, {"TR", "90"}, {"AE", "971"}, {"RO", "40"}, {"HU", "36"},  {"UA", "380"}};
    for (const auto& [iso, code] : kCodes)
        if (country == iso)
            return code;
    return {};
}

std::string normalizePhone(std::string_view phone, std::string_view country)
{
    const std::string_view t = trim(phone);
    if (t.empty())
        return {};
    std::string digits;
    for (char c : t)
        if (c >= '0' && c <= '9')
            digits += c;
    const bool international = t.front() == '+' || digits.rfind("00", 0) == 0;
    const auto firstNonZero = digits.find_first_not_of('0');
    if (firstNonZero == std::string::npos)
        return {};
    digits.erase(0, firstNonZero); // "00" international prefix or the national trunk zero
    if (!international) {
        const std::string code = countryCallingCode(country);
        if (code.empty())
            return {};
        // A national number written with its country code but no "+" is left as it is.
        if (digits.rfind(code, 0) != 0 || digits.size() <= 10)
            digits = code + digits;
    }
    if (digits.size() < 7 || digits.size() > 15) // E.164 allows at most 15 digits
        return {};
    return digits;
}

std::string identifierSha256(std::string_view bytes)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()) != 1 ||
        EVP_DigestFinal_ex(ctx.get(), digest, &length) != 1)
        throw std::runtime_error("OpenSSL SHA-256 failed"); // only when OpenSSL itself is broken
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out += kHex[digest[i] >> 4];
        out += kHex[digest[i] & 15];
    }
    return out;
}

Result<std::vector<ExportMember>> loadExportMembers(Database& db, const std::vector<std::int64_t>& ids)
{
    auto stmt = db.prepare("SELECT m.id, m.handle, m.display_name, a.platform, m.email, m.phone, m.country "
                           "FROM audience_members m JOIN accounts a ON a.id = m.account_id "
                           "WHERE m.id IN (SELECT value FROM json_each(?1)) ORDER BY m.id");
    if (!stmt)
        return tl::unexpected(stmt.error());
    (*stmt)->bind(1, nlohmann::json(ids).dump());
    std::vector<ExportMember> out;
    out.reserve(ids.size());
    for (;;) {
        auto row = (*stmt)->step();
        if (!row)
            return tl::unexpected(row.error());
        if (!*row)
            break;
        auto& s = **stmt;
        out.push_back({s.int64(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6)});
    }
    return out;
}

Result<CustomAudienceList> buildCustomAudience(const std::vector<ExportMember>& members)
{
    CustomAudienceList list;
    list.members = static_cast<std::int64_t>(members.size());
    for (const auto& m : members) {
        const std::string email = normalizeEmail(m.email);
        const std::string phone = normalizePhone(m.phone, m.country);
        list.rejectedEmails += !m.email.empty() && email.empty();
        list.rejectedPhones += !m.phone.empty() && phone.empty();
        if (email.empty() && phone.empty())
            continue;
        list.emails += !email.empty();
        list.phones += !phone.empty();
        list.rows.emplace_back(email.empty() ? std::string() : identifierSha256(email),
                               phone.empty() ? std::string() : identifierSha256(phone));
    }
    if (list.rows.empty())
        return fail(ErrorCode::Invalid, "no identifiers: none of the " + std::to_string(list.members) +
                                            " members has a usable email address or phone number");
    return list;
}

std::string customAudienceCsv(const CustomAudienceList& list)
{
    std::string out = "email,phone\n";
    for (const auto& [email, phone] : list.rows)
        out += email + ',' + phone + '\n';
    return out;
}

std::string customAudienceJson(const CustomAudienceList& list)
{
    nlohmann::json data = nlohmann::json::array();
    for (const auto& [email, phone] : list.rows)
        data.push_back({email, phone});
    return nlohmann::json{{"payload", {{"schema", {"EMAIL", "PHONE"}}, {"data", data}}}}.dump(2) + "\n";
}

std::string handlesCsv(const std::vector<ExportMember>& members)
{
    std::string out = "handle,display_name,platform\n";
    for (const auto& m : members)
        out += csvCell(m.handle) + ',' + csvCell(m.displayName) + ',' + csvCell(m.platform) + '\n';
    return out;
}

} // namespace herald::engine
