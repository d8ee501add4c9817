#include <cemetery/codice_fiscale.hpp>
#include <cemetery/csv.hpp>
#include <cemetery/demo_register.hpp>
#include <cemetery/register_row.hpp>
#include <cemetery/term.hpp>
#include <cemetery/text.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <iterator>
#include <limits>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace cemetery {

namespace {

// ---------------------------------------------------------------------------------
// Days as plain numbers (days since 1970-01-01): the generator does a lot of date
// arithmetic and compares; years are still added with add_years() (the civil rule).
// ---------------------------------------------------------------------------------

using Day = int;

Day day_of(Date d) { return static_cast<Day>(date::sys_days{d}.time_since_epoch().count()); }
Date date_of(Day n) { return Date{date::sys_days{date::days{n}}}; }
int year_of(Day n) { return static_cast<int>(date_of(n).year()); }
Day plus_years(Day d, int years) { return day_of(add_years(date_of(d), years)); }
Day ymd_day(int y, unsigned m, unsigned d) { return day_of(Date{date::year{y}, date::month{m}, date::day{d}}); }

// "07/05/2004"
void put_italian(std::string& out, Day n) {
    const Date d = date_of(n);
    const auto day = static_cast<unsigned>(d.day());
    const auto month = static_cast<unsigned>(d.month());
    const int year = static_cast<int>(d.year());
    char buf[16];
    buf[0] = static_cast<char>('0' + day / 10);
    buf[1] = static_cast<char>('0' + day % 10);
    buf[2] = '/';
    buf[3] = static_cast<char>('0' + month / 10);
    buf[4] = static_cast<char>('0' + month % 10);
    buf[5] = '/';
    const auto r = std::to_chars(buf + 6, buf + sizeof buf, year);
    out.assign(buf, r.ptr);
}

void put_int(std::string& out, long long value) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, value);
    out.assign(buf, r.ptr);
}

// ---------------------------------------------------------------------------------
// The pseudo-random generator: xoshiro256** seeded by splitmix64, and bounded draws
// of our own, so that the same seed gives the same bytes with every standard library.
// ---------------------------------------------------------------------------------

std::uint64_t splitmix64(std::uint64_t& state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        for (auto& word : s_) word = splitmix64(seed);
    }

    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // Uniform in [0, n), without bias: draws below 2^64 mod n are thrown away.
    std::uint64_t below(std::uint64_t n) {
        if (n <= 1) return 0;
        const std::uint64_t threshold = (0 - n) % n;
        for (;;) {
            const std::uint64_t x = next();
            if (x >= threshold) return x % n;
        }
    }

    // Uniform in [lo, hi].
    int between(int lo, int hi) {
        if (hi <= lo) return lo;
        return lo + static_cast<int>(below(static_cast<std::uint64_t>(hi - lo) + 1));
    }

    // True with probability per_mille / 1000.
    bool chance(int per_mille) { return static_cast<int>(below(1000)) < per_mille; }

    template <class T, std::size_t N>
    const T& pick(const std::array<T, N>& list) {
        return list[static_cast<std::size_t>(below(N))];
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::array<std::uint64_t, 4> s_{};
};

struct Weighted {
    int value;
    int weight;
};

template <std::size_t N>
int pick_weighted(Rng& rng, const std::array<Weighted, N>& list) {
    int total = 0;
    for (const auto& w : list) total += w.weight;
    int x = static_cast<int>(rng.below(static_cast<std::uint64_t>(total)));
    for (const auto& w : list) {
        if (x < w.weight) return w.value;
        x -= w.weight;
    }
    return list.back().value;
}

// ---------------------------------------------------------------------------------
// Names of Lombardy, places, streets.
// ---------------------------------------------------------------------------------

constexpr std::array<std::string_view, 104> surnames{
    "Brambilla",  "Colombo",   "Sironi",     "Cazzaniga",  "Galbiati",   "Mauri",       "Beretta",
    "Panzeri",    "Riva",      "Villa",      "Fumagalli",  "Crippa",     "Cereda",      "Pèrego",
    "Perego",     "Viganò",    "D'Adda",     "Dell'Orto",  "Dell'Acqua", "Dell'Oro",    "De Capitani",
    "Della Torre", "Cantù",    "Ferrario",   "Bianchi",    "Rossi",      "Re",          "Longoni",
    "Mariani",    "Ronchi",    "Motta",      "Valtorta",   "Redaelli",   "Ripamonti",   "Meroni",
    "Consonni",   "Tremolada", "Vismara",    "Arosio",     "Pozzi",      "Sala",        "Corbetta",
    "Mapelli",    "Gerosa",    "Frigerio",   "Magni",      "Bonfanti",   "Airoldi",     "Biffi",
    "Colnaghi",   "Ghezzi",    "Limonta",    "Comi",       "Zanaboni",   "Oggioni",     "Scotti",
    "Cattaneo",   "Pirovano",  "Bassani",    "Bonacina",   "Mottadelli", "Galli",       "Lissoni",
    "Barzaghi",   "Origgi",    "Nava",       "Rigamonti",  "Molteni",    "Radaelli",    "Stucchi",
    "Cagliani",   "Monzani",   "Gariboldi",  "Manzoni",    "Confalonieri", "Maggioni",  "Casati",
    "Sangalli",   "Barlassina", "Locatelli", "Mazzola",    "Sacchi",     "Scaccabarozzi", "Pagani",
    "Cavenaghi",  "Canzi",     "Grassi",     "Bestetti",   "Fossati",    "Tagliabue",   "Rovelli",
    "Sormani",    "Vergani",   "Zappa",      "Gatti",      "Invernizzi", "Agostoni",    "Bertolè",
    "Brioschi",   "Parravicini", "Cassani",  "Erba",       "Terraneo",   "Fumagalli",
};

// Given names as people born before about 1950 were called, and after.
constexpr std::array<std::string_view, 36> women_old{
    "Maria",     "Giuseppina", "Angela",   "Rosa",      "Luigia",    "Carla",     "Ester",    "Elsa",
    "Adele",     "Teresa",     "Lucia",    "Franca",    "Giovanna",  "Anna",      "Pierina",  "Ambrogina",
    "Carolina",  "Enrica",     "Rosangela", "Marta",    "Lina",      "Agnese",    "Bambina",  "Cesarina",
    "Ersilia",   "Natalina",   "Adelaide", "Maria Teresa", "Anna Maria", "Ines",    "Gemma",    "Carmela",
    "Emilia",    "Santina",    "Cecilia",  "Virginia",
};
constexpr std::array<std::string_view, 30> women_new{
    "Gabriella", "Silvia",  "Paola",    "Laura",    "Elena",  "Chiara",   "Francesca", "Daniela",
    "Emanuela",  "Noemi",   "Federica", "Valentina", "Sara",  "Roberta",  "Monica",    "Cristina",
    "Barbara",   "Alessandra", "Simona", "Patrizia", "Manuela", "Giulia", "Marta",     "Anna",
    "Stefania",  "Raffaella", "Michela", "Lucia",   "Maria Grazia", "Annalisa",
};
constexpr std::array<std::string_view, 38> men_old{
    "Giuseppe", "Giovanni", "Luigi",   "Carlo",    "Ambrogio", "Angelo",   "Mario",    "Pietro",
    "Piero",    "Ercole",   "Felice",  "Gino",     "Sandro",   "Franco",   "Enrico",   "Emilio",
    "Natale",   "Battista", "Giacomo", "Cesare",   "Virginio", "Eugenio",  "Attilio",  "Santino",
    "Ernesto",  "Nicolò",   "Mosè",    "Abramo",   "Innocente", "Gian Battista", "Pierluigi", "Aldo",
    "Egidio",   "Costante", "Fermo",   "Rinaldo",  "Carlo Alberto", "Noè",
};
constexpr std::array<std::string_view, 30> men_new{
    "Giancarlo", "Gianluigi", "Paolo",   "Luca",    "Marco",   "Andrea",   "Stefano", "Massimo",
    "Roberto",   "Fabio",     "Alberto", "Davide",  "Matteo",  "Simone",   "Alessandro", "Claudio",
    "Maurizio",  "Daniele",   "Riccardo", "Giorgio", "Fabrizio", "Sergio", "Mauro",   "Nicolò",
    "Emanuele",  "Federico",  "Michele", "Walter",  "Gianni",  "Cristian",
};

// Deceased whom the register calls by a nickname too: the quotes are part of the text.
constexpr std::array<std::string_view, 4> men_nicknamed{
    "Giovanni \"Nanni\"", "Giuseppe \"Peppino\"", "Ambrogio \"Bigio\"", "Luigi \"Gigi\"",
};
constexpr std::array<std::string_view, 3> women_nicknamed{
    "Luigia \"Gina\"", "Maria \"Mariuccia\"", "Giuseppina \"Pina\"",
};

// Codici catastali of Lombard places where holders were born.
constexpr std::array<std::string_view, 15> birth_places{
    "F205",  // Milano
    "F205", "F205",
    "F704",  // Monza
    "A794",  // Bergamo
    "B157",  // Brescia
    "C933",  // Como
    "E648",  // Lodi
    "F119",  // Melzo
    "E094",  // Gorgonzola
    "C003",  // Cassano d'Adda
    "C523",  // Cernusco sul Naviglio
    "G686",  // Pioltello
    "L400",  // Treviglio
    "M052",  // Vimercate
};

constexpr std::array<std::string_view, 28> streets{
    "Via Roma",           "Via Milano",         "Via Dante Alighieri",   "Via Giuseppe Garibaldi",
    "Via Giuseppe Mazzini", "Piazza della Repubblica", "Via Vittorio Emanuele II", "Via Cavour",
    "Via IV Novembre",    "Via XXV Aprile",     "Via Papa Giovanni XXIII", "Via Martiri della Libertà",
    "Via Antonio Gramsci", "Via Giacomo Matteotti", "Via Don Minzoni",   "Via Sant'Ambrogio",
    "Via Alessandro Manzoni", "Via della Chiesa", "Via Cascina Nuova",   "Via per Cassano",
    "Via Giuseppe Verdi", "Via Trieste",        "Via Trento",            "Via Monte Grappa",
    "Via Leonardo da Vinci", "Vicolo del Pozzo", "Via Sant'Anna",        "Piazza San Giorgio",
};

constexpr std::array<std::string_view, 13> mobile_prefixes{
    "320", "328", "333", "335", "338", "339", "340", "347", "348", "349", "366", "371", "392",
};

struct ComuneFlavour {
    std::string_view name;
    int population;
    std::string_view cap;
};

// Weights for sharing the concessions among the real comuni, and their postcodes.
constexpr std::array<ComuneFlavour, 4> known_comuni{{
    {"bellinzago lombardo", 3900, "20060"},
    {"liscate", 4100, "20050"},
    {"pozzuolo martesana", 8500, "20060"},
    {"truccazzano", 6000, "20060"},
}};

const ComuneFlavour* flavour_of(std::string_view comune) {
    const std::string folded = fold(comune);
    for (const auto& f : known_comuni) {
        if (f.name == folded) return &f;
    }
    return nullptr;
}

// ---------------------------------------------------------------------------------
// Codice fiscale of an invented person.
// ---------------------------------------------------------------------------------

// Upper-case consonants and vowels of a name, accents folded, other characters dropped.
void cf_letters(std::string_view utf8, std::string& consonants, std::string& vowels) {
    consonants.clear();
    vowels.clear();
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        auto c = static_cast<unsigned char>(utf8[i]);
        char letter = 0;
        if (c >= 'a' && c <= 'z') {
            letter = static_cast<char>(c - 'a' + 'A');
        } else if (c >= 'A' && c <= 'Z') {
            letter = static_cast<char>(c);
        } else if (c == 0xC3 && i + 1 < utf8.size()) {
            // Latin-1 vowels with accents: À-Å È-Ë Ì-Ï Ò-Ö Ù-Ü and their lower case.
            const auto d = static_cast<unsigned char>(utf8[++i] | 0x20);  // lower-case the Latin-1 letter
            if (d >= 0xA0 && d <= 0xA5) letter = 'A';
            else if (d >= 0xA8 && d <= 0xAB) letter = 'E';
            else if (d >= 0xAC && d <= 0xAF) letter = 'I';
            else if (d >= 0xB2 && d <= 0xB6) letter = 'O';
            else if (d >= 0xB9 && d <= 0xBC) letter = 'U';
        }
        if (!letter) continue;
        if (std::string_view{"AEIOU"}.find(letter) != std::string_view::npos) {
            vowels += letter;
        } else {
            consonants += letter;
        }
    }
}

std::string codice_fiscale(std::string_view surname, std::string_view given, bool female, Day born,
                           std::string_view place) {
    std::string consonants;
    std::string vowels;
    std::string code;
    code.reserve(16);

    cf_letters(surname, consonants, vowels);
    code += (consonants + vowels + "XXX").substr(0, 3);

    cf_letters(given, consonants, vowels);
    if (consonants.size() >= 4) {
        code += consonants[0];
        code += consonants[2];
        code += consonants[3];
    } else {
        code += (consonants + vowels + "XXX").substr(0, 3);
    }

    const Date d = date_of(born);
    const int yy = static_cast<int>(d.year()) % 100;
    const auto month = static_cast<unsigned>(d.month());
    const int day = static_cast<int>(static_cast<unsigned>(d.day())) + (female ? 40 : 0);
    code += static_cast<char>('0' + yy / 10);
    code += static_cast<char>('0' + yy % 10);
    code += std::string_view{"ABCDEHLMPRST"}[month - 1];
    code += static_cast<char>('0' + day / 10);
    code += static_cast<char>('0' + day % 10);
    code += place;
    const auto check = codice_fiscale_check_letter(code);
    if (!check) return {};  // cannot happen with the names above; an empty CF is still a valid row
    code += *check;
    return code;
}

// ---------------------------------------------------------------------------------
// Plot kinds: how registers write them, deed prefixes, shares, places.
// ---------------------------------------------------------------------------------

struct KindInfo {
    PlotKind kind;
    std::string_view tipo;    // as registers write it
    std::string_view prefix;  // of the deed number
    int share;                // per mille of the deeds
};

constexpr std::array<KindInfo, 7> kinds{{
    {PlotKind::loculo, "Loculo", "L", 450},
    {PlotKind::ossario, "Celletta ossario", "O", 140},
    {PlotKind::cinerario, "Nicchia cineraria", "N", 70},
    {PlotKind::tomba_famiglia, "Tomba di famiglia", "T", 90},
    {PlotKind::cappella, "Cappella", "C", 20},
    {PlotKind::fossa, "Fossa", "F", 100},
    {PlotKind::campo_comune, "Campo comune", "CC", 130},
}};

std::size_t kind_index(PlotKind kind) {
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        if (kinds[i].kind == kind) return i;
    }
    return 0;
}

PlotKind pick_kind(Rng& rng) {
    int x = static_cast<int>(rng.below(1000));
    for (const auto& k : kinds) {
        if (x < k.share) return k.kind;
        x -= k.share;
    }
    return PlotKind::loculo;
}

// The shape of the places of a kind, per unit (a settore of loculi, a campo...).
// Zero files or floors: the location leaves that part empty.
struct Shape {
    int files;
    int numbers;
    int floors;
    [[nodiscard]] std::size_t capacity() const {
        return static_cast<std::size_t>(std::max(files, 1) * numbers * std::max(floors, 1));
    }
};

Shape shape_of(PlotKind kind) {
    switch (kind) {
        case PlotKind::loculo: return {6, 60, 4};
        case PlotKind::ossario: return {8, 40, 0};
        case PlotKind::cinerario: return {6, 30, 0};
        case PlotKind::tomba_famiglia: return {0, 80, 0};
        case PlotKind::cappella: return {0, 30, 0};
        case PlotKind::fossa:
        case PlotKind::campo_comune: return {20, 40, 0};
    }
    return {1, 1, 1};
}

// Where a deed's plot is: unit (settore, campo) and numbers; 0 for an unused part.
struct Place {
    int unit = 0;
    int fila = 0;
    int numero = 0;
    int piano = 0;
};

// Settori of loculi: A..Z, AA, AB, ...
std::string letters(int n) {
    std::string out;
    ++n;
    while (n > 0) {
        --n;
        out.insert(out.begin(), static_cast<char>('A' + n % 26));
        n /= 26;
    }
    return out;
}

// The four location cells of a place.
void location_cells(PlotKind kind, const Place& p, std::string& settore, std::string& fila, std::string& numero,
                    std::string& piano) {
    settore.clear();
    fila.clear();
    piano.clear();
    const auto numbered = [](std::string_view prefix, int unit) {
        return unit == 0 ? std::string{prefix} : std::string{prefix} + std::to_string(unit + 1);
    };
    switch (kind) {
        case PlotKind::loculo: settore = letters(p.unit); break;
        case PlotKind::ossario: settore = numbered("O", p.unit); break;
        case PlotKind::cinerario: settore = numbered("N", p.unit); break;
        case PlotKind::tomba_famiglia: settore = numbered("T", p.unit); break;
        case PlotKind::cappella: break;
        case PlotKind::fossa:
        case PlotKind::campo_comune: settore = "Campo " + std::to_string(p.unit); break;
    }
    if (p.fila) put_int(fila, p.fila);
    put_int(numero, kind == PlotKind::cappella ? p.unit * shape_of(kind).numbers + p.numero : p.numero);
    if (p.piano) put_int(piano, p.piano);
}

// The places of one cemetery: units of each kind, grown when half full, so that a
// random place is free after a few draws and any number of deeds fits.
class CemeteryPlaces {
public:
    explicit CemeteryPlaces(std::uint64_t cemetery) : cemetery_(cemetery) {}

    Place allocate(Rng& rng, PlotKind kind, std::unordered_set<std::uint64_t>& taken) {
        const std::size_t k = kind_index(kind);
        Area& area = areas_[k];
        const Shape shape = shape_of(kind);
        if (area.units.empty() || (area.used + 1) * 2 > area.units.size() * shape.capacity()) grow(kind, area);
        for (int tries = 0;; ++tries) {
            if (tries == 64) {
                grow(kind, area);
                tries = 0;
            }
            Place p;
            p.unit = area.units[static_cast<std::size_t>(rng.below(area.units.size()))];
            p.fila = shape.files ? rng.between(1, shape.files) : 0;
            p.numero = rng.between(1, shape.numbers);
            p.piano = shape.floors ? rng.between(1, shape.floors) : 0;
            // Fosse and campo comune share the campi's numbering, so share a class.
            const std::uint64_t cls = kind == PlotKind::campo_comune ? kind_index(PlotKind::fossa) : k;
            const std::uint64_t key = (cemetery_ << 54) | (cls << 51) | (static_cast<std::uint64_t>(p.unit) << 32) |
                                      (static_cast<std::uint64_t>(p.fila) << 24) |
                                      (static_cast<std::uint64_t>(p.numero) << 8) |
                                      static_cast<std::uint64_t>(p.piano);
            if (taken.insert(key).second) {
                ++area.used;
                return p;
            }
        }
    }

private:
    struct Area {
        std::vector<int> units;
        std::size_t used = 0;
    };

    void grow(PlotKind kind, Area& area) {
        if (kind == PlotKind::fossa || kind == PlotKind::campo_comune) {
            area.units.push_back(++campi_);  // "Campo 1", "Campo 2", ... shared by both
        } else {
            area.units.push_back(static_cast<int>(area.units.size()));
        }
    }

    std::uint64_t cemetery_;
    std::array<Area, kinds.size()> areas_{};
    int campi_ = 0;
};

// ---------------------------------------------------------------------------------
// Deeds.
// ---------------------------------------------------------------------------------

struct Person {
    std::string_view surname;
    std::string_view given;
    bool female = false;
    Day born = 0;
};

struct Dead {
    Person person;
    Day died = 0;
    Day buried = 0;
};

struct Deed {
    std::uint16_t cemetery = 0;
    PlotKind kind = PlotKind::loculo;
    Place place;
    Day signed_on = 0;
    int stated_years = 0;  // 0: Durata_Anni empty
    bool perpetual = false;
    bool writes_no = false;  // Perpetua "no" rather than empty
    std::optional<Day> stated_expiry;
    std::optional<Person> holder;
    std::string_view birth_place;  // empty: no codice fiscale
    int street = -1;
    int civic = 0;
    std::uint64_t phone = 0;  // 0: none
    std::vector<Dead> dead;
};

struct ComuneContext {
    const UnionComune* comune = nullptr;
    bool real = false;  // from the Union's data, not synthetic
    std::string_view cap;
    std::optional<Date> first_version;
    // The versions in force for the comune, as runs of days: version_for() asked once
    // at each day where its answer can change, instead of for every deed.
    std::vector<std::pair<Day, const RegulationVersion*>> coverage;

    void cover(const Regulation& regulation) {
        const std::string& name = comune->comune.name;
        std::vector<Day> starts{std::numeric_limits<Day>::min()};
        for (const auto& v : regulation.versions) {
            starts.push_back(day_of(v.in_force_from));
            if (auto end = v.own_end_for(name)) starts.push_back(day_of(*end) + 1);
        }
        std::sort(starts.begin(), starts.end());
        starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
        for (const Day start : starts) {
            const Date probe = start == std::numeric_limits<Day>::min() ? Date{date::year{1}, date::January, date::day{1}}
                                                                        : date_of(start);
            coverage.emplace_back(start, regulation.version_for(name, probe));
        }
    }

    [[nodiscard]] const RegulationVersion* version_on(Day day) const {
        auto it = std::upper_bound(coverage.begin(), coverage.end(), day,
                                   [](Day d, const auto& run) { return d < run.first; });
        return it == coverage.begin() ? nullptr : std::prev(it)->second;
    }
};

class Generator {
public:
    Generator(const Regulation& regulation, Day today)
        : reg_(regulation),
          today_(today),
          first_day_(ymd_day(1930, 1, 1)),
          perpetual_until_(day_of(regulation.perpetual_until.value)),
          max_years_(regulation.max_period_years.value) {}

    // A deed the rules accept, with its people; nullopt when this draw failed.
    std::optional<Deed> make(Rng& rng, const ComuneContext& cc) {
        Deed d;
        d.kind = pick_kind(rng);
        d.cemetery = pick_cemetery(rng, cc.comune->cemeteries.size());

        const bool placed = rng.chance(6) && expiring_soon(rng, cc, d);
        if (!placed) {
            d.signed_on = draw_signing(rng, d.kind);
            const RegulationVersion* version = cc.version_on(d.signed_on);
            if (!version && cc.first_version && date_of(d.signed_on) >= *cc.first_version) return std::nullopt;
            if (version) {
                const KindRule* rule = version->rule_for(d.kind);
                if (!rule) return std::nullopt;
                if (rng.chance(300)) d.stated_years = rule->term_years;
            } else {
                legacy_term(rng, d);
            }
        }

        TermRequest request;
        request.comune = cc.comune->comune.name;
        request.kind = d.kind;
        request.signed_on = date_of(d.signed_on);
        if (d.stated_years) request.stated_years = d.stated_years;
        request.perpetual = d.perpetual;
        if (d.stated_expiry) request.stated_expiry = date_of(*d.stated_expiry);
        // The common field's turn starts at the burial, which is the signing day here.
        if (d.kind == PlotKind::campo_comune) request.first_burial = request.signed_on;
        const TermDecision decision = decide_term(reg_, request);
        if (!decision) return std::nullopt;

        std::optional<Day> expires;
        if (decision.term->expires_on) expires = day_of(*decision.term->expires_on);
        const std::string_view family = rng.pick(surnames);
        make_dead(rng, d, expires, family);
        make_holder(rng, cc, d, family);
        return d;
    }

private:
    static std::uint16_t pick_cemetery(Rng& rng, std::size_t count) {
        if (count <= 1) return 0;
        // The capoluogo's cemetery holds most deeds; the frazioni share the rest.
        const int main_share = std::max(400, 1000 - 150 * static_cast<int>(count - 1));
        if (rng.chance(main_share)) return 0;
        return static_cast<std::uint16_t>(1 + rng.below(count - 1));
    }

    // The latest of `draws` uniform days in [from, today]: more deeds in recent decades.
    Day recent_skewed(Rng& rng, Day from, int draws) {
        from = std::min(from, today_);
        const auto span = static_cast<std::uint64_t>(today_ - from) + 1;
        std::uint64_t best = 0;
        for (int i = 0; i < draws; ++i) best = std::max(best, rng.below(span));
        return from + static_cast<Day>(best);
    }

    Day draw_signing(Rng& rng, PlotKind kind) {
        switch (kind) {
            case PlotKind::campo_comune:
                // A ten-year turn: most rows in the register are the current ones.
                if (rng.chance(800)) return recent_skewed(rng, today_ - 3650, 1);
                return recent_skewed(rng, first_day_, 2);
            case PlotKind::fossa:
                if (rng.chance(550)) return recent_skewed(rng, today_ - 7300, 1);
                return recent_skewed(rng, first_day_, 3);
            case PlotKind::cinerario:
                // Cremation became common late.
                return recent_skewed(rng, ymd_day(1985, 1, 1), 2);
            default: return recent_skewed(rng, first_day_, rng.chance(400) ? 2 : 3);
        }
    }

    // Terms that deeds older than any regulation version stated, to make the demo
    // register look like a real one. Invented history, not rules: every deed signed
    // under a version takes its term from the regulation file instead.
    static int legacy_years_for(Rng& rng, PlotKind kind, int year) {
        switch (kind) {
            case PlotKind::loculo:
                if (year < 1976) return pick_weighted(rng, std::array<Weighted, 3>{{{99, 30}, {50, 40}, {30, 30}}});
                if (year < 1990) return pick_weighted(rng, std::array<Weighted, 3>{{{50, 25}, {40, 25}, {30, 50}}});
                return pick_weighted(rng, std::array<Weighted, 3>{{{30, 70}, {40, 20}, {50, 10}}});
            case PlotKind::ossario:
            case PlotKind::cinerario:
                return pick_weighted(rng, std::array<Weighted, 4>{{{30, 60}, {40, 20}, {50, 10}, {99, 10}}});
            case PlotKind::tomba_famiglia:
                return pick_weighted(rng, std::array<Weighted, 4>{{{99, 35}, {50, 35}, {40, 15}, {30, 15}}});
            case PlotKind::cappella: return 99;
            case PlotKind::fossa: return pick_weighted(rng, std::array<Weighted, 3>{{{20, 40}, {30, 35}, {10, 25}}});
            case PlotKind::campo_comune: return 10;
        }
        return 30;
    }

    static int perpetual_per_mille(PlotKind kind) {
        switch (kind) {
            case PlotKind::loculo: return 400;
            case PlotKind::ossario: return 300;
            case PlotKind::tomba_famiglia: return 700;
            case PlotKind::cappella: return 800;
            case PlotKind::fossa: return 200;
            case PlotKind::cinerario:
            case PlotKind::campo_comune: return 0;
        }
        return 0;
    }

    // A deed signed before any version: perpetual (up to the cut-off) or its own term,
    // now and then with a Scadenza of its own.
    void legacy_term(Rng& rng, Deed& d) {
        if (d.signed_on <= perpetual_until_ && rng.chance(perpetual_per_mille(d.kind))) {
            d.perpetual = true;
            return;
        }
        d.stated_years = std::min(legacy_years_for(rng, d.kind, year_of(d.signed_on)), max_years_);
        d.writes_no = rng.chance(50);
        if (d.kind == PlotKind::campo_comune) return;
        const int x = static_cast<int>(rng.below(1000));
        if (x < 20) {
            // A legacy renewal: the register states the renewed expiry.
            const int renewal = pick_weighted(rng, std::array<Weighted, 4>{{{10, 30}, {15, 20}, {20, 30}, {30, 20}}});
            d.stated_expiry = plus_years(plus_years(d.signed_on, d.stated_years), renewal);
        } else if (x < 50) {
            d.stated_expiry = plus_years(d.signed_on, d.stated_years);
        }
    }

    // A deed whose term ends within the next 90 days, so that the lists to post have
    // something in them.
    bool expiring_soon(Rng& rng, const ComuneContext& cc, Deed& d) {
        if (d.kind == PlotKind::cappella) return false;
        const Day target = today_ + rng.between(1, 90);
        std::array<int, 8> candidates{};
        std::size_t n = 0;
        for (const auto& v : reg_.versions) {
            if (!v.names_comune(cc.comune->comune.name)) continue;
            if (const KindRule* rule = v.rule_for(d.kind); rule && n < candidates.size()) candidates[n++] = rule->term_years;
        }
        const bool earth = d.kind == PlotKind::fossa || d.kind == PlotKind::campo_comune;
        for (int years : earth ? std::array{10, 20, 30} : std::array{30, 40, 50}) {
            if (n < candidates.size()) candidates[n++] = years;
        }
        const int years = candidates[static_cast<std::size_t>(rng.below(n))];
        if (years > max_years_) return false;
        const Day signed_on = plus_years(target, -years);
        if (signed_on < first_day_) return false;
        const Date signed_date = date_of(signed_on);
        if (const RegulationVersion* version = cc.version_on(signed_on)) {
            const KindRule* rule = version->rule_for(d.kind);
            if (!rule || rule->term_years != years) return false;
            if (rng.chance(300)) d.stated_years = years;
        } else {
            if (cc.first_version && signed_date >= *cc.first_version) return false;
            if (d.kind == PlotKind::campo_comune && years != 10) return false;
            d.stated_years = years;
        }
        d.signed_on = signed_on;
        return true;
    }

    static int age_at_death(Rng& rng) {
        const int x = static_cast<int>(rng.below(1000));
        if (x < 850) return 60 + rng.between(0, 20) + rng.between(0, 19);  // 60-99, most about 80
        if (x < 970) return rng.between(40, 59);
        return rng.between(18, 39);
    }

    std::string_view given_name(Rng& rng, bool female, int born_year) {
        const int old_share = born_year < 1945 ? 850 : born_year < 1970 ? 500 : 150;
        const bool old = rng.chance(old_share);
        if (female) return old ? rng.pick(women_old) : rng.pick(women_new);
        return old ? rng.pick(men_old) : rng.pick(men_new);
    }

    // Someone who died on `died`, of the family or married into it.
    Dead dead_person(Rng& rng, std::string_view family, Day died, Day buried) {
        Dead p;
        p.person.female = rng.chance(500);
        p.person.surname = rng.chance(p.person.female ? 550 : 900) ? family : rng.pick(surnames);
        const int age = age_at_death(rng);
        p.person.born = plus_years(died, -age) - rng.between(0, 364);
        if (p.person.born >= died) p.person.born = died - 1;
        if (rng.chance(2)) {
            p.person.given = p.person.female ? rng.pick(women_nicknamed) : rng.pick(men_nicknamed);
        } else {
            p.person.given = given_name(rng, p.person.female, year_of(p.person.born));
        }
        p.died = died;
        p.buried = buried;
        return p;
    }

    void make_dead(Rng& rng, Deed& d, std::optional<Day> expires, std::string_view family) {
        // Deaths after the first stay within the term (a perpetual deed has none).
        Day last = today_;
        if (expires && *expires - 1 < last) last = *expires - 1;
        const Day sd = d.signed_on;
        const auto clamp_today = [&](Day day) { return std::min(day, today_); };

        bool at_signing = true;
        switch (d.kind) {
            case PlotKind::campo_comune: {
                // The turn starts at the burial: the deed is made out on that day.
                d.dead.push_back(dead_person(rng, family, sd - rng.between(1, 4), sd));
                return;
            }
            case PlotKind::fossa: break;
            case PlotKind::loculo:
                if (sd > today_ - 30 * 365 && rng.chance(60)) return;  // bought for a spouse still living
                break;
            case PlotKind::ossario: {
                if (rng.chance(20)) return;
                // Bones from an exhumation: the death was long before.
                const Day died = plus_years(sd, -rng.between(10, 45)) - rng.between(0, 364);
                d.dead.push_back(dead_person(rng, family, died, sd));
                return;
            }
            case PlotKind::cinerario: {
                if (rng.chance(20)) return;
                d.dead.push_back(dead_person(rng, family, sd - rng.between(0, 60), clamp_today(sd + rng.between(0, 14))));
                return;
            }
            case PlotKind::tomba_famiglia:
            case PlotKind::cappella: at_signing = rng.chance(650); break;
        }

        if (at_signing) {
            d.dead.push_back(dead_person(rng, family, sd - rng.between(0, 4), clamp_today(sd + rng.between(0, 3))));
        } else {
            // Built in advance: the first burial, if any, came later.
            if (last - sd < 90 || rng.chance(250)) return;
            const Day died = sd + rng.between(30, std::min(last - sd, 15 * 365));
            d.dead.push_back(dead_person(rng, family, died, clamp_today(died + rng.between(1, 4))));
        }
        if (d.kind != PlotKind::tomba_famiglia && d.kind != PlotKind::cappella) return;
        if (!rng.chance(800)) return;
        const int more = rng.between(1, 5);
        for (int i = 0; i < more; ++i) {
            const Day after = d.dead.front().buried + 30;
            if (last <= after) break;
            const Day died = rng.between(after, last);
            d.dead.push_back(dead_person(rng, family, died, clamp_today(died + rng.between(1, 4))));
        }
        std::sort(d.dead.begin() + 1, d.dead.end(),
                  [](const Dead& a, const Dead& b) { return a.buried < b.buried; });
    }

    void make_holder(Rng& rng, const ComuneContext& cc, Deed& d, std::string_view family) {
        if (!rng.chance(d.kind == PlotKind::campo_comune ? 400 : 950)) return;
        Person h;
        h.surname = rng.chance(700) ? family : rng.pick(surnames);
        h.female = rng.chance(500);
        // A living relative: an adult when the deed was signed, or the heir of an old one.
        const int this_year = year_of(today_);
        int lo = this_year - 90;
        int hi = std::min(this_year - 25, year_of(d.signed_on) - 18);
        if (hi < lo + 5) hi = this_year - 25;
        const Day from = ymd_day(lo, 1, 1);
        const Day to = ymd_day(hi, 12, 31);
        h.born = rng.between(from, to);
        h.given = given_name(rng, h.female, year_of(h.born));
        d.holder = h;
        if (rng.chance(800)) {
            d.birth_place = (cc.real && rng.chance(300)) ? std::string_view{cc.comune->comune.cadastral_code}
                                                         : rng.pick(birth_places);
        }
        if (rng.chance(450)) {
            d.street = static_cast<int>(rng.below(streets.size()));
            d.civic = rng.between(1, 120);
        }
        if (rng.chance(350)) d.phone = rng.next() | 1;
    }

    const Regulation& reg_;
    Day today_;
    Day first_day_;
    Day perpetual_until_;
    int max_years_;
};

// "02 95341234" or "338 1234567"
std::string phone_text(std::uint64_t bits) {
    std::string out;
    if (bits % 10 < 4) {
        out = "02 9";
        out += std::to_string(5000000 + (bits >> 8) % 5000000);
    } else {
        out = mobile_prefixes[static_cast<std::size_t>((bits >> 4) % mobile_prefixes.size())];
        out += ' ';
        out += std::to_string(1000000 + (bits >> 16) % 9000000);
    }
    return out;
}

constexpr std::array columns{
    RegisterColumn::comune,
    RegisterColumn::cimitero,
    RegisterColumn::tipo,
    RegisterColumn::settore,
    RegisterColumn::fila,
    RegisterColumn::numero,
    RegisterColumn::piano,
    RegisterColumn::numero_concessione,
    RegisterColumn::data_concessione,
    RegisterColumn::durata_anni,
    RegisterColumn::scadenza,
    RegisterColumn::perpetua,
    RegisterColumn::concessionario_cognome,
    RegisterColumn::concessionario_nome,
    RegisterColumn::concessionario_cf,
    RegisterColumn::concessionario_indirizzo,
    RegisterColumn::concessionario_telefono,
    RegisterColumn::defunto_cognome,
    RegisterColumn::defunto_nome,
    RegisterColumn::defunto_data_nascita,
    RegisterColumn::defunto_data_morte,
    RegisterColumn::data_sepoltura,
};

// Index of a column in the row written.
constexpr std::size_t col(RegisterColumn c) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (columns[i] == c) return i;
    }
    return columns.size();
}

// How many deeds each comune gets: by population among the real ones, evenly when
// synthetic ones are added. Largest remainders, in order, for the rest.
std::vector<std::size_t> share_out(std::size_t total, const std::vector<ComuneContext>& comuni, bool evenly) {
    std::vector<std::uint64_t> weights;
    for (const auto& c : comuni) {
        const ComuneFlavour* f = c.real ? flavour_of(c.comune->comune.name) : nullptr;
        weights.push_back(evenly ? 1 : f ? static_cast<std::uint64_t>(f->population) : 5000);
    }
    std::uint64_t sum = 0;
    for (auto w : weights) sum += w;
    std::vector<std::size_t> counts(comuni.size(), 0);
    if (comuni.empty() || sum == 0) return counts;
    std::size_t given = 0;
    std::vector<std::pair<std::uint64_t, std::size_t>> remainders;
    for (std::size_t i = 0; i < comuni.size(); ++i) {
        const auto exact = static_cast<std::uint64_t>(total) * weights[i];
        counts[i] = static_cast<std::size_t>(exact / sum);
        given += counts[i];
        remainders.emplace_back(exact % sum, i);
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t k = 0; given < total; ++k, ++given) ++counts[remainders[k % remainders.size()].second];
    return counts;
}

}  // namespace

std::vector<UnionComune> synthetic_comuni(int count) {
    std::vector<UnionComune> out;
    if (count <= 0) return out;
    if (count > 25000) throw std::invalid_argument("at most 25000 synthetic comuni");
    out.reserve(static_cast<std::size_t>(count));
    for (int i = 1; i <= count; ++i) {
        char name[40];
        std::snprintf(name, sizeof name, "Comune sintetico %03d", i);
        char istat[8];
        std::snprintf(istat, sizeof istat, "9%05d", i);
        // Z001..Z999, then Y000..Y999, X000...: four characters, unique.
        char cadastral[8];
        std::snprintf(cadastral, sizeof cadastral, "%c%03d", static_cast<char>('Z' - i / 1000), i % 1000);
        UnionComune uc;
        uc.comune.name = name;
        uc.comune.istat_code = istat;
        uc.comune.cadastral_code = cadastral;
        uc.comune.member_from = Date{date::year{2016}, date::January, date::day{1}};
        uc.cemeteries.push_back(name);
        out.push_back(std::move(uc));
    }
    return out;
}

DemoStats write_demo_register(std::ostream& out, const Regulation& regulation, const UnionData& data,
                              const DemoOptions& options) {
    const Date today_date = options.today.ok() ? options.today : today();
    const Day today_day = day_of(today_date);

    const std::vector<UnionComune> extra = synthetic_comuni(options.synthetic_comuni);
    std::vector<ComuneContext> comuni;
    const auto add = [&](const UnionComune& uc, bool real) {
        ComuneContext& c = comuni.emplace_back();
        c.comune = &uc;
        c.real = real;
    };
    for (const auto& c : data.comuni) add(c, true);
    for (const auto& c : extra) add(c, false);
    for (auto& c : comuni) {
        const ComuneFlavour* f = c.real ? flavour_of(c.comune->comune.name) : nullptr;
        c.cap = f ? f->cap : std::string_view{"20060"};
        c.first_version = regulation.first_version_start(c.comune->comune.name);
        c.cover(regulation);
    }
    const std::vector<std::size_t> counts = share_out(options.concessions, comuni, !extra.empty());

    CsvWriter csv(out, ';');
    std::vector<std::string> fields(columns.size());
    for (std::size_t i = 0; i < columns.size(); ++i) fields[i] = std::string{column_name(columns[i])};
    csv.row(fields);

    Generator generator(regulation, today_day);
    DemoStats stats;
    std::unordered_set<std::uint64_t> taken;
    const int first_year = 1900;
    const int years = year_of(today_day) - first_year + 1;

    for (std::size_t ci = 0; ci < comuni.size(); ++ci) {
        const ComuneContext& cc = comuni[ci];
        const std::size_t wanted = counts[ci];
        if (wanted == 0) continue;
        // One stream per comune: a comune's deeds do not depend on the others' counts.
        std::uint64_t mix = options.seed ^ (0xD1B54A32D192ED03ULL * (ci + 1));
        Rng rng(splitmix64(mix));

        std::vector<std::string> cemeteries = cc.comune->cemeteries;
        if (cemeteries.empty()) cemeteries.push_back(cc.comune->comune.name);
        std::vector<CemeteryPlaces> places;
        for (std::size_t k = 0; k < cemeteries.size(); ++k) places.emplace_back(k);
        taken.clear();
        taken.reserve(wanted * 2);

        std::vector<Deed> deeds;
        deeds.reserve(wanted);
        int failures = 0;
        while (deeds.size() < wanted) {
            std::optional<Deed> deed = generator.make(rng, cc);
            if (!deed) {
                if (++failures > 10000) {
                    throw std::runtime_error("demo register: the regulation leaves " + cc.comune->comune.name +
                                             " no day on which a deed can be signed");
                }
                continue;
            }
            failures = 0;
            deed->place = places[deed->cemetery].allocate(rng, deed->kind, taken);
            deeds.push_back(std::move(*deed));
        }

        // Deeds in the order they were signed, numbered per kind and year.
        std::vector<std::uint32_t> order(deeds.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = static_cast<std::uint32_t>(i);
        std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
            return deeds[a].signed_on != deeds[b].signed_on ? deeds[a].signed_on < deeds[b].signed_on : a < b;
        });
        std::vector<int> sequence(kinds.size() * static_cast<std::size_t>(years), 0);

        std::string deed_number;
        for (const std::uint32_t index : order) {
            const Deed& d = deeds[index];
            const std::size_t k = kind_index(d.kind);
            const int year = year_of(d.signed_on);
            const int n = ++sequence[k * static_cast<std::size_t>(years) + static_cast<std::size_t>(year - first_year)];
            char number[32];
            std::snprintf(number, sizeof number, "%s-%d-%03d", std::string{kinds[k].prefix}.c_str(), year, n);

            fields[col(RegisterColumn::comune)] = cc.comune->comune.name;
            fields[col(RegisterColumn::cimitero)] = cemeteries[d.cemetery];
            fields[col(RegisterColumn::tipo)] = kinds[k].tipo;
            location_cells(d.kind, d.place, fields[col(RegisterColumn::settore)], fields[col(RegisterColumn::fila)],
                           fields[col(RegisterColumn::numero)], fields[col(RegisterColumn::piano)]);
            fields[col(RegisterColumn::numero_concessione)] = number;
            put_italian(fields[col(RegisterColumn::data_concessione)], d.signed_on);
            auto& durata = fields[col(RegisterColumn::durata_anni)];
            if (d.stated_years) put_int(durata, d.stated_years);
            else durata.clear();
            auto& scadenza = fields[col(RegisterColumn::scadenza)];
            if (d.stated_expiry) put_italian(scadenza, *d.stated_expiry);
            else scadenza.clear();
            fields[col(RegisterColumn::perpetua)] = d.perpetual ? "sì" : d.writes_no ? "no" : "";

            auto& h_surname = fields[col(RegisterColumn::concessionario_cognome)];
            auto& h_given = fields[col(RegisterColumn::concessionario_nome)];
            auto& h_cf = fields[col(RegisterColumn::concessionario_cf)];
            auto& h_address = fields[col(RegisterColumn::concessionario_indirizzo)];
            auto& h_phone = fields[col(RegisterColumn::concessionario_telefono)];
            h_surname.clear();
            h_given.clear();
            h_cf.clear();
            h_address.clear();
            h_phone.clear();
            if (d.holder) {
                h_surname = d.holder->surname;
                h_given = d.holder->given;
                if (!d.birth_place.empty()) {
                    h_cf = codice_fiscale(d.holder->surname, d.holder->given, d.holder->female, d.holder->born,
                                          d.birth_place);
                }
                if (d.street >= 0) {
                    h_address = streets[static_cast<std::size_t>(d.street)];
                    h_address += ' ';
                    h_address += std::to_string(d.civic);
                    h_address += ", ";
                    h_address += cc.cap;
                    h_address += ' ';
                    h_address += cc.comune->comune.name;
                }
                if (d.phone) h_phone = phone_text(d.phone);
            }

            auto& dead_surname = fields[col(RegisterColumn::defunto_cognome)];
            auto& dead_given = fields[col(RegisterColumn::defunto_nome)];
            auto& born = fields[col(RegisterColumn::defunto_data_nascita)];
            auto& died = fields[col(RegisterColumn::defunto_data_morte)];
            auto& buried = fields[col(RegisterColumn::data_sepoltura)];
            if (d.dead.empty()) {
                dead_surname.clear();
                dead_given.clear();
                born.clear();
                died.clear();
                buried.clear();
                csv.row(fields);
                ++stats.rows;
            }
            for (const Dead& p : d.dead) {
                dead_surname = p.person.surname;
                dead_given = p.person.given;
                put_italian(born, p.person.born);
                put_italian(died, p.died);
                put_italian(buried, p.buried);
                csv.row(fields);
                ++stats.rows;
                ++stats.deceased;
            }
            ++stats.concessions;
        }
    }
    return stats;
}

}  // namespace cemetery
