#include <cemetery/documents/deed_template.hpp>
#include <cemetery/regulation_loader.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace cemetery::documents {

const std::vector<Placeholder>& deed_placeholders() {
    static const std::vector<Placeholder> list{
        {"comune", true, true, "il Comune concedente"},
        {"ufficio", true, true, "l'ufficio, come in ufficio.toml"},
        {"numero_atto", true, true, "il numero di questo atto (della concessione, o del rinnovo)"},
        {"numero_concessione", true, true, "il numero dell'atto di concessione"},
        {"data_stipula", true, true, "la data di stipula della concessione"},
        {"concessionari", true, true,
         "i concessionari, uno per riga: cognome e nome, codice fiscale, residenza, come nel registro"},
        {"defunti", true, true, "i defunti sepolti, uno per riga con le date, oppure «nessuno»"},
        {"cimitero", true, true, "il cimitero"},
        {"tipo", true, true, "il tipo di sepoltura (loculo, ossario, ...)"},
        {"posto", true, true, "il posto nel cimitero (settore, fila, numero, piano)"},
        {"durata", true, true, "la durata della concessione («30 anni», «perpetua»)"},
        {"decorrenza", true, true, "il giorno da cui decorre la durata"},
        {"scadenza", true, true, "la scadenza della durata originaria, prima di ogni rinnovo"},
        {"versione", true, true, "la versione del regolamento in vigore alla stipula"},
        {"articoli_durata", true, true, "le norme del regolamento che fissano durata e decorrenza"},
        {"rinnovi_consentiti", true, true,
         "i rinnovi che il regolamento consente (per un rinnovo: secondo la versione in vigore alla data del rinnovo)"},
        {"tariffa", true, true, "l'importo della concessione (per un rinnovo: del rinnovo) o «tariffa non configurata»"},
        {"delibera_tariffa", true, true, "la delibera che fissa la tariffa"},
        {"luogo", true, true, "il luogo della firma (il Comune)"},
        {"data", true, true, "la data in cui l'atto è stampato"},
        {"numero_rinnovo", false, true, "quale rinnovo è (1 il primo)"},
        {"data_rinnovo", false, true, "la data del rinnovo"},
        {"anni_rinnovo", false, true, "gli anni aggiunti dal rinnovo"},
        {"scadenza_precedente", false, true, "la scadenza prima del rinnovo"},
        {"nuova_scadenza", false, true, "la scadenza dopo il rinnovo"},
        {"versione_rinnovo", false, true, "la versione del regolamento in vigore alla data del rinnovo"},
        {"articoli_rinnovo", false, true, "le norme del regolamento che consentono il rinnovo"},
    };
    return list;
}

namespace {

[[noreturn]] void fail(const std::string& file, int line, int column, const std::string& message) {
    throw RegulationFileError(RegulationError{file, line, column, message});
}

const Placeholder* find_placeholder(std::string_view name) {
    for (const auto& p : deed_placeholders()) {
        if (p.name == name) return &p;
    }
    return nullptr;
}

// Checks every brace of a line of a section: closed, and naming a placeholder of that deed.
void check_placeholders(const std::string& file, int line, std::string_view text, DeedKind kind) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '}') {
            if (i + 1 < text.size() && text[i + 1] == '}') {
                ++i;
                continue;
            }
            fail(file, line, static_cast<int>(i + 1), "a \"}\" closes no placeholder (write }} for a brace)");
        }
        if (c != '{') continue;
        if (i + 1 < text.size() && text[i + 1] == '{') {
            ++i;
            continue;
        }
        const auto end = text.find('}', i + 1);
        const auto next_open = text.find('{', i + 1);
        if (end == std::string_view::npos || next_open < end) {
            fail(file, line, static_cast<int>(i + 1), "a \"{\" is not closed on its line (write {{ for a brace)");
        }
        const std::string name(text.substr(i + 1, end - i - 1));
        const Placeholder* p = find_placeholder(name);
        if (!p) fail(file, line, static_cast<int>(i + 1), "unknown placeholder {" + name + "}");
        if (kind == DeedKind::concession && !p->in_concession) {
            fail(file, line, static_cast<int>(i + 1),
                 "{" + name + "} belongs to the deed of a renewal, not to [concessione]");
        }
        i = end;
    }
}

std::string_view trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

bool TemplateLine::placeholder_alone() const {
    const std::string_view t = trimmed(text);
    return kind == Kind::text && t.size() > 2 && t.front() == '{' && t.back() == '}' && t[1] != '{' &&
           t.find('}') == t.size() - 1;
}

DeedTemplate parse_deed_template(std::string_view text, const std::string& file) {
    DeedTemplate result;
    result.file = file;
    std::vector<TemplateLine>* section = nullptr;
    DeedKind kind = DeedKind::concession;
    bool seen_concession = false, seen_renewal = false;
    int number = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto end = std::min(text.find('\n', pos), text.size());
        std::string_view raw = text.substr(pos, end - pos);
        pos = end + 1;
        ++number;
        if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
        const std::string_view line = trimmed(raw);
        if (!line.empty() && line.front() == '#') continue;
        if (!line.empty() && line.front() == '[') {
            if (line == "[concessione]") {
                if (seen_concession) fail(file, number, 1, "[concessione] appears twice");
                seen_concession = true;
                section = &result.concession;
                kind = DeedKind::concession;
            } else if (line == "[rinnovo]") {
                if (seen_renewal) fail(file, number, 1, "[rinnovo] appears twice");
                seen_renewal = true;
                section = &result.renewal;
                kind = DeedKind::renewal;
            } else {
                fail(file, number, 1,
                     "unknown section " + std::string(line) + " (the sections are [concessione] and [rinnovo])");
            }
            continue;
        }
        if (!section) {
            if (line.empty()) continue;
            fail(file, number, 1, "text before the first section: start with [concessione] or [rinnovo]");
        }
        TemplateLine out;
        out.line = number;
        if (line.empty()) {
            out.kind = TemplateLine::Kind::blank;
        } else if (line == "{firme}") {
            out.kind = TemplateLine::Kind::signatures;
        } else if (line.starts_with("==")) {
            out.kind = TemplateLine::Kind::heading;
            out.text = std::string(trimmed(line.substr(2)));
        } else if (line.starts_with("=")) {
            out.kind = TemplateLine::Kind::title;
            out.text = std::string(trimmed(line.substr(1)));
        } else {
            // Keep the indentation a clerk gave, without the trailing blanks.
            out.text = std::string(raw.substr(0, raw.find_last_not_of(" \t") + 1));
        }
        if (out.text.find("{firme}") != std::string::npos) {
            fail(file, number, 1, "{firme} must stand alone on its line");
        }
        check_placeholders(file, number, out.text, kind);
        section->push_back(std::move(out));
    }
    if (!seen_concession) fail(file, 0, 0, "no [concessione] section: the deed of a concession has no text");
    if (!seen_renewal) fail(file, 0, 0, "no [rinnovo] section: the deed of a renewal has no text");
    return result;
}

DeedTemplate load_deed_template(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) fail(path.string(), 0, 0, "cannot be read");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_deed_template(text.str(), path.string());
}

std::filesystem::path shipped_deed_template_path() {
    if (const char* env = std::getenv("CEMETERY_ATTO"); env && *env) return env;
    std::error_code ec;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = self.parent_path().parent_path() / "share" / "cemetery" / "data" / "atto.txt";
        if (std::filesystem::exists(installed, ec)) return installed;
    }
    return CEMETERY_SHIPPED_DEED_TEMPLATE;
}

std::string fill_placeholders(std::string_view text, const std::map<std::string, std::string>& values) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            out += c;
            ++i;
            continue;
        }
        if (c != '{') {
            out += c;
            continue;
        }
        const auto end = text.find('}', i + 1);
        if (end == std::string_view::npos) {  // not from a parsed template: kept as written
            out += text.substr(i);
            break;
        }
        if (const auto it = values.find(std::string(text.substr(i + 1, end - i - 1))); it != values.end()) {
            out += it->second;
        }
        i = end;
    }
    return out;
}

}  // namespace cemetery::documents
