#include "documents.hpp"

#include "exit_codes.hpp"

#include <cemetery/regulation_loader.hpp>
#include <cemetery/text.hpp>

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

bool in_cemetery(const cemetery::ListRow& row, const std::string& cemetery) {
    return cemetery.empty() || cemetery::fold(row.cemetery) == cemetery::fold(cemetery);
}

}  // namespace cli
