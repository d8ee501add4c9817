#include <cemetery/register.hpp>
#include <cemetery/union_data.hpp>

#include <toml++/toml.h>

#include <cstdlib>

namespace cemetery {

namespace {

[[noreturn]] void fail(const std::string& file, const toml::source_region& where, const std::string& message) {
    throw RegulationFileError(
        RegulationError{file, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column), message});
}

std::string text(const std::string& file, const toml::table& t, std::string_view key) {
    auto v = t[key].value<std::string>();
    if (!v || v->empty()) fail(file, t.source(), "missing field \"" + std::string(key) + "\"");
    return *v;
}

Date day(const std::string& file, const toml::node& node, std::string_view key) {
    const auto* d = node.as_date();
    if (!d) fail(file, node.source(), "\"" + std::string(key) + "\" must be a date such as 2016-01-01");
    const toml::date v = d->get();
    return Date{date::year{v.year}, date::month{v.month}, date::day{v.day}};
}

}  // namespace

UnionData load_union_data(const std::filesystem::path& path) {
    const std::string file = path.string();
    toml::table doc;
    try {
        doc = toml::parse_file(file);
    } catch (const toml::parse_error& e) {
        throw RegulationFileError(RegulationError{file, static_cast<int>(e.source().begin.line),
                                                  static_cast<int>(e.source().begin.column),
                                                  std::string(e.description())});
    }
    UnionData data;
    data.name = text(file, doc, "nome");
    const auto* list = doc["comune"].as_array();
    if (!list || list->empty()) fail(file, doc.source(), "no [[comune]] in the file");
    for (const auto& node : *list) {
        const auto* t = node.as_table();
        if (!t) fail(file, node.source(), "[[comune]] must be a table");
        UnionComune uc;
        uc.comune.name = text(file, *t, "nome");
        uc.comune.istat_code = text(file, *t, "istat");
        uc.comune.cadastral_code = text(file, *t, "catastale");
        const auto* from = t->get("membro_dal");
        if (!from) fail(file, t->source(), "missing field \"membro_dal\"");
        uc.comune.member_from = day(file, *from, "membro_dal");
        if (const auto* until = t->get("membro_al")) uc.comune.member_until = day(file, *until, "membro_al");
        const auto* cemeteries = t->get_as<toml::array>("cimiteri");
        if (!cemeteries || cemeteries->empty()) fail(file, t->source(), "missing field \"cimiteri\"");
        for (const auto& c : *cemeteries) {
            auto name = c.value<std::string>();
            if (!name || name->empty()) fail(file, c.source(), "\"cimiteri\" must hold names");
            uc.cemeteries.push_back(*name);
        }
        data.comuni.push_back(std::move(uc));
    }
    return data;
}

std::filesystem::path shipped_union_data_path() {
    if (const char* env = std::getenv("CEMETERY_UNIONE"); env && *env) return env;
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = self.parent_path().parent_path() / "share" / "cemetery" / "data" / "unione.toml";
        if (std::filesystem::exists(installed, ec)) return installed;
    }
    return CEMETERY_SHIPPED_UNION_DATA;
}

int seed_register(Register& reg, const UnionData& data) {
    int added = 0;
    Register::Batch batch(reg);
    for (const auto& uc : data.comuni) {
        auto existing = reg.find_comune(uc.comune.istat_code);
        ComuneId id;
        if (existing) {
            id = existing->id;
        } else {
            auto result = reg.add_comune(uc.comune);
            if (!result) throw DatabaseError(DatabaseError::Kind::other, "cannot add " + uc.comune.name + ": " + result.conflict->message);
            id = *result.value;
            ++added;
        }
        for (const auto& name : uc.cemeteries) {
            if (reg.find_cemetery(id, name)) continue;
            auto result = reg.add_cemetery(id, name);
            if (!result) throw DatabaseError(DatabaseError::Kind::other, "cannot add cemetery " + name + ": " + result.conflict->message);
            ++added;
        }
    }
    batch.commit();
    return added;
}

}  // namespace cemetery
