#include <cemetery/documents/office.hpp>
#include <cemetery/regulation_loader.hpp>
#include <cemetery/text.hpp>

#include <toml++/toml.h>

#include <algorithm>
#include <cstdlib>

namespace cemetery::documents {

namespace {

[[noreturn]] void fail(const std::string& file, const toml::source_region& where, const std::string& message) {
    throw RegulationFileError(
        RegulationError{file, static_cast<int>(where.begin.line), static_cast<int>(where.begin.column), message});
}

std::string text(const std::string& file, const toml::table& t, std::string_view key, bool required) {
    const toml::node* node = t.get(key);
    if (!node) {
        if (required) fail(file, t.source(), "missing field \"" + std::string(key) + "\"");
        return {};
    }
    auto v = node->value<std::string>();
    if (!v || (required && v->empty())) fail(file, node->source(), "\"" + std::string(key) + "\" must be a text");
    return *v;
}

}  // namespace

Office Offices::for_comune(std::string_view comune) const {
    const std::string wanted = fold(comune);
    for (const auto& o : offices) {
        if (fold(o.comune) == wanted) return o;
    }
    Office fallback;
    fallback.comune = std::string(comune);
    fallback.heading = {"Comune di " + std::string(comune)};
    return fallback;
}

Offices load_offices(const std::filesystem::path& path) {
    const std::string file = path.string();
    toml::table doc;
    try {
        doc = toml::parse_file(file);
    } catch (const toml::parse_error& e) {
        throw RegulationFileError(RegulationError{file, static_cast<int>(e.source().begin.line),
                                                  static_cast<int>(e.source().begin.column),
                                                  std::string(e.description())});
    }
    static constexpr std::string_view keys[] = {"comune", "intestazione", "ufficio", "indirizzo",
                                                "telefono", "email", "orari"};
    Offices result;
    const auto* list = doc["ufficio"].as_array();
    if (!list || list->empty()) fail(file, doc.source(), "no [[ufficio]] in the file");
    for (const auto& node : *list) {
        const auto* t = node.as_table();
        if (!t) fail(file, node.source(), "[[ufficio]] must be a table");
        for (auto&& [key, value] : *t) {
            if (std::find(std::begin(keys), std::end(keys), key.str()) == std::end(keys)) {
                fail(file, key.source(), "unknown key \"" + std::string(key.str()) + "\" in [[ufficio]]");
            }
        }
        Office o;
        o.comune = text(file, *t, "comune", true);
        o.name = text(file, *t, "ufficio", true);
        o.address = text(file, *t, "indirizzo", false);
        o.phone = text(file, *t, "telefono", false);
        o.email = text(file, *t, "email", false);
        o.hours = text(file, *t, "orari", false);
        if (const auto* heading = t->get("intestazione")) {
            const auto* lines = heading->as_array();
            if (!lines || lines->empty()) fail(file, heading->source(), "\"intestazione\" must be a list of lines");
            for (const auto& line : *lines) {
                auto v = line.value<std::string>();
                if (!v || v->empty()) fail(file, line.source(), "\"intestazione\" must hold lines of text");
                o.heading.push_back(*v);
            }
        } else {
            o.heading = {"Comune di " + o.comune};
        }
        result.offices.push_back(std::move(o));
    }
    return result;
}

std::filesystem::path shipped_offices_path() {
    if (const char* env = std::getenv("CEMETERY_UFFICIO"); env && *env) return env;
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = self.parent_path().parent_path() / "share" / "cemetery" / "data" / "ufficio.toml";
        if (std::filesystem::exists(installed, ec)) return installed;
    }
    return CEMETERY_SHIPPED_OFFICES;
}

}  // namespace cemetery::documents
