#include "session.hpp"

#include "exit_codes.hpp"

#include <cemetery/regulation_loader.hpp>
#include <cemetery/union_data.hpp>

#include <cstdlib>

namespace cli {

std::filesystem::path Session::db_path() const {
    if (!options_.db.empty()) return options_.db;
    if (const char* env = std::getenv("CEMETERY_DB"); env && *env) return env;
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home && *home) {
        base = std::filesystem::path(home) / ".local" / "share";
    } else {
        base = ".";
    }
    return base / "cemetery" / "registro.sqlite";
}

cemetery::Register& Session::reg() {
    if (!reg_) {
        const auto path = db_path();
        const bool is_new = !std::filesystem::exists(path);
        if (is_new && path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
        reg_.emplace(cemetery::Register::open(path));
        // A new register starts with the Union's comuni and cemeteries.
        if (reg_->comuni().empty()) {
            cemetery::seed_register(*reg_, cemetery::load_union_data(cemetery::shipped_union_data_path()));
        }
    }
    return *reg_;
}

const cemetery::Regulation& Session::regulation() {
    if (!regulation_) {
        const std::filesystem::path file =
            options_.regolamento.empty() ? cemetery::shipped_regulation_path() : std::filesystem::path(options_.regolamento);
        auto load = cemetery::try_load_regulation(file);
        if (!load) throw Exit{invalid_input, "regulation: " + load.error->to_string()};
        regulation_ = std::move(*load.regulation);
    }
    return *regulation_;
}

cemetery::Comune Session::comune(const std::string& name) {
    auto found = reg().find_comune(name);
    if (!found) {
        std::string known;
        for (const auto& c : reg().comuni()) known += (known.empty() ? "" : ", ") + c.name;
        throw Exit{invalid_input, "unknown comune \"" + name + "\" (known: " + known + ")"};
    }
    return *found;
}

std::optional<cemetery::ComuneId> Session::comune_filter(const std::string& name) {
    if (name.empty()) return std::nullopt;
    return comune(name).id;
}

cemetery::ConcessionId Session::concession(const std::string& deed, const cemetery::Comune& c) {
    auto id = reg().find_concession(c.id, deed);
    if (!id) throw Exit{invalid_input, "no concession number \"" + deed + "\" in " + c.name};
    return *id;
}

cemetery::Date date_option(const std::string& text, const std::string& option) {
    if (text.empty()) return cemetery::today();
    auto d = cemetery::parse_iso_date(text);
    if (!d) throw Exit{usage, option + ": \"" + text + "\" is not a date in the form 2020-12-31"};
    return *d;
}

}  // namespace cli
