#include "session.hpp"

#include "exit_codes.hpp"

#include <cemetery/default_register.hpp>
#include <cemetery/regulation_loader.hpp>
#include <cemetery/text.hpp>
#include <cemetery/union_data.hpp>

#include <cstdlib>
#include <iostream>

namespace cli {

bool Session::default_location() const { return options_.db.empty() && !cemetery::register_named_by_environment(); }

std::filesystem::path Session::db_path() const {
    if (!options_.db.empty()) return options_.db;
    return cemetery::default_register_path();  // the desktop program's too
}

cemetery::Register& Session::reg() {
    if (reg_) return *reg_;
    namespace fs = std::filesystem;
    const auto path = db_path();
    std::error_code ec;
    const auto status = fs::status(path, ec);
    const std::string where = default_location() ? " (the default register)" : "";
    if (fs::is_directory(status)) {
        throw Exit{database, path.string() + where + ": this is a folder, not a register file"};
    }
    if (fs::exists(status)) {
        reg_.emplace(cemetery::Register::open_existing(path));
        check_comuni();
        return *reg_;
    }
    if (!may_create_) {
        throw Exit{database, "no register at " + path.string() + where +
                                 "; check --db or $CEMETERY_DB (nothing was created: `cemetery init` makes a new one)"};
    }
    const fs::path folder = path.parent_path();
    if (!folder.empty() && !fs::is_directory(folder, ec)) {
        if (!default_location()) {
            throw Exit{database, "no register at " + path.string() + ": the folder " + folder.string() +
                                     " does not exist; check --db or $CEMETERY_DB (nothing was created)"};
        }
        fs::create_directories(folder);
    }
    reg_.emplace(cemetery::Register::open(path));
    created_ = true;
    // A new register starts with the Union's comuni and cemeteries.
    cemetery::seed_register(*reg_, cemetery::load_union_data(cemetery::shipped_union_data_path()));
    // Said with the command's own report, on stdout: stderr is for what went wrong.
    std::cout << "New register " << path.string() << ", with the Union's comuni and cemeteries.\n";
    check_comuni();
    return *reg_;
}

void Session::check_comuni() const {
    if (!reg_ || !regulation_) return;
    std::vector<std::string> known;
    for (const auto& c : reg_->comuni()) known.push_back(c.name);
    const auto unknown = cemetery::comuni_not_in(*regulation_, known);
    if (unknown.empty()) return;
    throw Exit{invalid_input, "regulation " + regulation_->source + ": it names the comune \"" + unknown.front() +
                                  "\", which the register " + db_path().string() + " does not know (known: " +
                                  cemetery::join(known, ", ") + "); nothing was done"};
}

cemetery::ProtectedFiles Session::protected_files() const { return cemetery::ProtectedFiles::of_register(db_path()); }

std::filesystem::path Session::regulation_path() const {
    return options_.regolamento.empty() ? cemetery::shipped_regulation_path() : std::filesystem::path(options_.regolamento);
}

const cemetery::Regulation& Session::regulation() {
    if (!regulation_) {
        auto load = cemetery::try_load_regulation(regulation_path());
        if (!load) throw Exit{invalid_input, "regulation: " + load.error->to_string()};
        regulation_ = std::move(*load.regulation);
        check_comuni();
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
