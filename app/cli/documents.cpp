#include "documents.hpp"

#include "exit_codes.hpp"

#include <cemetery/regulation_loader.hpp>
#include <cemetery/text.hpp>

#include <iostream>

namespace cli {

cemetery::documents::Offices offices(const DocumentOptions& options) {
    const std::filesystem::path file =
        options.offices.empty() ? cemetery::documents::shipped_offices_path() : std::filesystem::path(options.offices);
    try {
        return cemetery::documents::load_offices(file);
    } catch (const cemetery::RegulationFileError& e) {
        throw Exit{invalid_input, e.what()};
    }
}

void require_output(const std::string& output, const std::string& format) {
    if (output.empty()) throw Exit{usage, "--format " + format + " needs --output FILE"};
}

std::string cemetery_name(Session& session, const cemetery::Comune& comune, const std::string& name) {
    if (name.empty()) return {};
    std::string known;
    for (const auto& c : session.reg().cemeteries(comune.id)) {
        if (cemetery::fold(c.name) == cemetery::fold(name)) return c.name;
        known += (known.empty() ? "" : ", ") + c.name;
    }
    throw Exit{invalid_input, "no cemetery \"" + name + "\" in " + comune.name + " (known: " + known + ")"};
}

void LeftOut::report() const {
    if (rows_.empty()) return;
    for (const auto& r : rows_) std::cerr << "cemetery: warning: " << cemetery::describe(r) << '\n';
    throw Exit{invalid_input, std::to_string(rows_.size()) +
                                  (rows_.size() == 1 ? " concession was" : " concessions were") +
                                  " left out because the register holds a date that is not a date: have "
                                  "them corrected (cemetery verify checks the register)"};
}

bool in_cemetery(const cemetery::ListRow& row, const std::string& cemetery) {
    return cemetery.empty() || cemetery::fold(row.cemetery) == cemetery::fold(cemetery);
}

}  // namespace cli
