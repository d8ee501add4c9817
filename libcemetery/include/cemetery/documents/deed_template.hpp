#pragma once
// The text of the deed the holder signs (atto di concessione, atto di rinnovo), as the
// office writes it: a plain-text file in data/ (data/atto.txt) that a clerk edits with
// any text editor, with placeholders in braces ({scadenza}) that the program fills
// from the register and the regulation. The file documents its own placeholders at the
// top; deed_placeholders() is the program's list, and a test keeps the two equal.
//
// The file, line by line:
//   # ...              a comment, never printed
//   [concessione]      the text of the deed of a new concession follows
//   [rinnovo]          the text of the deed of a renewal follows
//   = Title            the deed's title, centred and bold
//   == Heading         a heading inside the text (an article of the deed), bold
//   {firme}            alone on its line: the spaces for the signatures
//   (empty line)       ends a paragraph
//   anything else      text; the lines of a paragraph run on as one text, wrapped at
//                      the page's width, except a placeholder alone on its line (a
//                      list: {concessionari}), which keeps lines of its own
// A literal brace is written twice: {{ and }}.
//
// A bad file (a placeholder the program does not know, or one of the other deed,
// a brace left open, text before the first section, a section missing) is refused
// naming the file and the line (RegulationFileError, as the office file).

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cemetery::documents {

enum class DeedKind { concession, renewal };

// A placeholder the template may use, and in which deeds.
struct Placeholder {
    std::string_view name;  // "scadenza"
    bool in_concession = true;
    bool in_renewal = true;
    std::string_view meaning;  // in Italian, as the file documents it
};

// Every placeholder the program fills, in the order the shipped file documents them.
[[nodiscard]] const std::vector<Placeholder>& deed_placeholders();

// One line of a section of the template.
struct TemplateLine {
    enum class Kind { text, blank, title, heading, signatures } kind = Kind::text;
    std::string text;  // as written, placeholders still in it; empty for blank and signatures
    int line = 0;      // in the file, for errors

    // A text line that is one placeholder and nothing else ("{concessionari}").
    [[nodiscard]] bool placeholder_alone() const;
};

struct DeedTemplate {
    std::string file;  // where it was read from
    std::vector<TemplateLine> concession;
    std::vector<TemplateLine> renewal;

    [[nodiscard]] const std::vector<TemplateLine>& lines(DeedKind kind) const {
        return kind == DeedKind::concession ? concession : renewal;
    }
};

// Parses the template's text; `file` names it in errors. Throws RegulationFileError.
[[nodiscard]] DeedTemplate parse_deed_template(std::string_view text, const std::string& file);
// Reads and parses the file. Throws RegulationFileError (a file that cannot be read too).
[[nodiscard]] DeedTemplate load_deed_template(const std::filesystem::path& file);

// $CEMETERY_ATTO if set, else share/cemetery/data/atto.txt beside the installed
// program (as ufficio.toml), else the source tree's data/atto.txt.
[[nodiscard]] std::filesystem::path shipped_deed_template_path();

// The text with each {name} replaced by values.at(name) and {{ }} by single braces.
// The template was checked when parsed: a name missing from values is left empty.
[[nodiscard]] std::string fill_placeholders(std::string_view text, const std::map<std::string, std::string>& values);

}  // namespace cemetery::documents
