#include "storage/change_log.hpp"

#include "storage/canonical.hpp"
#include "storage/record_digest.hpp"
#include "storage/sha256.hpp"

#include <chrono>
#include <cstdlib>
#include <pwd.h>
#include <unistd.h>

namespace cemetery::storage {

std::string utc_now() {
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    return date::format("%FT%TZ", now);
}

void append_change(Database& db, const std::string& user, std::string_view entity, std::int64_t record_id,
                   std::string_view action, const nlohmann::json& details) {
    append_change(db, utc_now(), user, entity, record_id, action, details.dump());
}

void append_change(Database& db, const std::string& at, const std::string& user, std::string_view entity,
                   std::int64_t record_id, std::string_view action, const std::string& details_json) {
    // Called after the write, in its transaction: the digest is of the record as it now stands.
    ChainWriter(db).append(at, user, std::string(entity), record_id, std::string(action), details_json,
                           record_digest(db, entity, record_id));
}

std::string chain_of(std::string_view previous_chain, const ChainContent& e) {
    Sha256 hash;
    return chain_of(hash, previous_chain, e);
}

namespace {
// The fields both chain formats hash, in their order; the formats differ in their name
// and in what stands for the details (their text in 1, their digest in 2).
std::string chain_hash(Sha256& hash, std::string_view format, std::string_view previous_chain, const ChainContent& e,
                       std::string_view details) {
    hash.reset();
    Canonical out(hash);
    out.text(format);
    out.text(previous_chain);
    out.integer(e.id);
    out.text(e.at);
    out.text(e.user);
    out.text(e.entity);
    out.integer(e.record_id);
    out.text(e.action);
    out.text(details);
    out.optional_text(e.state_digest);
    return to_hex(hash.finish());
}
}  // namespace

std::string chain_of(Sha256& hash, std::string_view previous_chain, const ChainContent& e) {
    const std::string details = details_digest(hash, e.details);
    return chain_hash(hash, "cemetery change log chain format 2", previous_chain, e, details);
}

std::string chain_of_format1(std::string_view previous_chain, const ChainContent& e) {
    Sha256 hash;
    return chain_of_format1(hash, previous_chain, e);
}

std::string chain_of_format1(Sha256& hash, std::string_view previous_chain, const ChainContent& e) {
    return chain_hash(hash, "cemetery change log chain format 1", previous_chain, e, e.details);
}

namespace {
constexpr std::string_view redacted_open = "{\"redacted\":\"";
constexpr std::string_view redacted_close = "\"}";
}  // namespace

bool is_redacted(std::string_view details) {
    if (details.size() != redacted_open.size() + 64 + redacted_close.size()) return false;
    if (!details.starts_with(redacted_open) || !details.ends_with(redacted_close)) return false;
    return details.substr(redacted_open.size(), 64).find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

std::string redacted_details(std::string_view digest) {
    return std::string(redacted_open) + std::string(digest) + std::string(redacted_close);
}

std::string details_digest(std::string_view details) {
    Sha256 hash;
    return details_digest(hash, details);
}

std::string details_digest(Sha256& hash, std::string_view details) {
    if (is_redacted(details)) return std::string(details.substr(redacted_open.size(), 64));
    hash.reset();
    hash.update(details);
    return to_hex(hash.finish());
}

ChainWriter::ChainWriter(Database& db) : db_(db), last_chain_(genesis_chain) {
    auto& s = db_.statement("SELECT id, chain FROM change_log ORDER BY id DESC LIMIT 1");
    if (s.executeStep()) {
        last_id_ = s.getColumn(0).getInt64();
        // A NULL chain here was written behind the program's back: the chain goes
        // on from the genesis value, and verify reports the entry.
        if (!s.getColumn(1).isNull()) last_chain_ = s.getColumn(1).getString();
    }
    s.reset();
}

void ChainWriter::append(const std::string& at, const std::string& user, const std::string& entity,
                         std::int64_t record_id, const std::string& action, const std::string& details,
                         const std::optional<std::string>& state_digest) {
    std::optional<std::string_view> digest;
    if (state_digest) digest = *state_digest;
    append_chained(at, user, entity, record_id, action, details, state_digest,
                   chain_of(hash_, last_chain_, {next_id(), at, user, entity, record_id, action, details, digest}));
}

void ChainWriter::append_chained(const std::string& at, const std::string& user, const std::string& entity,
                                 std::int64_t record_id, const std::string& action, const std::string& details,
                                 const std::optional<std::string>& state_digest, std::string chain) {
    const std::int64_t id = next_id();
    auto& s = db_.statement(
        "INSERT INTO change_log (id, at, user, entity, record_id, action, details, state_digest, chain) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    // Every text outlives the statement's run: bound without copies, which a
    // load of a million entries notices.
    s.bind(1, id);
    s.bindNoCopy(2, at);
    s.bindNoCopy(3, user);
    s.bindNoCopy(4, entity);
    s.bind(5, record_id);
    s.bindNoCopy(6, action);
    s.bindNoCopy(7, details);
    if (state_digest) {
        s.bindNoCopy(8, *state_digest);
    } else {
        s.bind(8);
    }
    s.bindNoCopy(9, chain);
    s.exec();
    last_id_ = id;
    last_chain_ = std::move(chain);
}

std::vector<ChangeLogEntry> read_change_log(Database& db, const std::optional<std::string>& entity,
                                            std::optional<std::int64_t> record_id) {
    // Conditions are left out rather than written "?1 IS NULL OR ...", which would
    // keep SQLite from using the (entity, record_id) index on a log of millions.
    std::string sql = "SELECT id, at, user, entity, record_id, action, details FROM change_log";
    if (entity) sql += record_id ? " WHERE entity = ?1 AND record_id = ?2" : " WHERE entity = ?1";
    sql += " ORDER BY id";
    auto& s = db.statement(sql);
    if (entity) s.bind(1, *entity);
    if (entity && record_id) s.bind(2, *record_id);
    std::vector<ChangeLogEntry> out;
    while (s.executeStep()) {
        out.push_back(ChangeLogEntry{s.getColumn(0).getInt64(), s.getColumn(1).getString(), s.getColumn(2).getString(),
                                     s.getColumn(3).getString(), s.getColumn(4).getInt64(), s.getColumn(5).getString(),
                                     s.getColumn(6).getString()});
    }
    return out;
}

std::int64_t change_log_size(Database& db) {
    auto& s = db.statement("SELECT count(*) FROM change_log");
    s.executeStep();
    return s.getColumn(0).getInt64();
}

std::string current_os_user() {
    if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name) return pw->pw_name;
    if (const char* user = std::getenv("USER"); user && *user) return user;
    return "uid " + std::to_string(geteuid());
}

}  // namespace cemetery::storage
