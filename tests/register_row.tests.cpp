#include "support.hpp"

#include <cemetery/codice_fiscale.hpp>
#include <cemetery/csv.hpp>
#include <cemetery/encoding.hpp>
#include <cemetery/register_row.hpp>

#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using cemetery::FieldError;
using cemetery::PlotKind;
using cemetery::RegisterColumn;
using cemetery::RegisterHeader;
using cemetery::RegisterRowParse;
using test::ymd;

namespace {

const std::vector<std::string> full_header{"Comune",
                                           "Cimitero",
                                           "Tipo",
                                           "Settore",
                                           "Fila",
                                           "Numero",
                                           "Piano",
                                           "Numero_Concessione",
                                           "Data_Concessione",
                                           "Decorrenza",
                                           "Durata_Anni",
                                           "Scadenza",
                                           "Perpetua",
                                           "Concessionario_Cognome",
                                           "Concessionario_Nome",
                                           "Concessionario_CF",
                                           "Concessionario_Indirizzo",
                                           "Concessionario_Telefono",
                                           "Concessionario_Email",
                                           "Defunto_Cognome",
                                           "Defunto_Nome",
                                           "Defunto_Data_Nascita",
                                           "Defunto_Data_Morte",
                                           "Data_Sepoltura", "Data_Richiesta", "Data_Pagamento",
                                           "Variante"};

RegisterHeader header_of(const std::vector<std::string>& names) {
    auto parsed = cemetery::parse_register_header(names);
    REQUIRE(parsed.errors.empty());
    return parsed.header;
}

// A valid loculo row with the given cells replaced, parsed as line 7.
RegisterRowParse parse_with(const std::map<std::string, std::string>& changes) {
    std::map<std::string, std::string> cells{
        {"Comune", "Liscate"},
        {"Tipo", "Loculo"},
        {"Numero", "14"},
        {"Numero_Concessione", "E-1987-031"},
        {"Data_Concessione", "02/09/1987"},
        {"Durata_Anni", "30"},
        {"Concessionario_Cognome", "Cazzaniga"},
        {"Concessionario_Nome", "Elsa"},
        {"Defunto_Cognome", "Cazzaniga"},
        {"Defunto_Nome", "Ercole"},
        {"Defunto_Data_Nascita", "12/12/1901"},
        {"Defunto_Data_Morte", "30/08/1987"},
        {"Data_Sepoltura", "02/09/1987"},
    };
    for (const auto& [k, v] : changes) cells[k] = v;
    std::vector<std::string> fields;
    for (const auto& name : full_header) fields.push_back(cells.count(name) ? cells[name] : "");
    return cemetery::parse_register_row(header_of(full_header), fields, 7);
}

// The one error a row has, for checking its field and message.
FieldError only_error(const RegisterRowParse& p) {
    REQUIRE(p.errors.size() == 1);
    return p.errors.front();
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Header

TEST_CASE("header names match whatever their case, spaces, dots and underscores", "[register_row]") {
    const auto parsed =
        cemetery::parse_register_header({"COMUNE", " tipo ", "Numero Concessione", "data.concessione",
                                         "Concessionario_cf", "defunto data morte", "NUMERO"});
    REQUIRE(parsed.ok());
    const RegisterHeader& h = parsed.header;
    CHECK(h.find(RegisterColumn::comune) == 0u);
    CHECK(h.find(RegisterColumn::tipo) == 1u);
    CHECK(h.find(RegisterColumn::numero_concessione) == 2u);
    CHECK(h.find(RegisterColumn::data_concessione) == 3u);
    CHECK(h.find(RegisterColumn::concessionario_cf) == 4u);
    CHECK(h.find(RegisterColumn::defunto_data_morte) == 5u);
    CHECK_FALSE(h.find(RegisterColumn::scadenza));
    CHECK(h.name_of(RegisterColumn::numero_concessione) == "Numero Concessione");
    CHECK(h.name_of(RegisterColumn::scadenza) == "Scadenza");
    CHECK(h.unknown.empty());
}

TEST_CASE("every known column is found by its canonical name", "[register_row]") {
    const auto h = header_of(full_header);
    for (std::size_t i = 0; i < cemetery::register_column_count; ++i) {
        const auto column = static_cast<RegisterColumn>(i);
        CAPTURE(cemetery::column_name(column));
        CHECK(cemetery::register_column_from_name(cemetery::column_name(column)) == column);
        CHECK(h.find(column).has_value());
    }
    CHECK(cemetery::is_required(RegisterColumn::comune));
    CHECK(cemetery::is_required(RegisterColumn::data_concessione));
    CHECK_FALSE(cemetery::is_required(RegisterColumn::cimitero));
}

TEST_CASE("a header without a required column names the missing column", "[register_row]") {
    const auto parsed = cemetery::parse_register_header({"Comune", "Tipo", "Numero", "Data_Concessione"});
    CHECK_FALSE(parsed.ok());
    CHECK(parsed.errors == std::vector<std::string>{"required column \"Numero_Concessione\" is missing"});
}

TEST_CASE("a column that appears twice in the header is an error", "[register_row]") {
    const auto parsed = cemetery::parse_register_header(
        {"Comune", "Tipo", "Numero_Concessione", "Data_Concessione", "Numero Concessione", "Numero"});
    CHECK(parsed.errors ==
          std::vector<std::string>{"column \"Numero_Concessione\" appears twice (columns 3 and 5)"});
}

TEST_CASE("unknown columns are ignored but listed, blank ones left out", "[register_row]") {
    const auto parsed = cemetery::parse_register_header(
        {"Comune", "Note", "Tipo", "Numero", "Numero_Concessione", "Data_Concessione", "Importo €", ""});
    REQUIRE(parsed.ok());
    CHECK(parsed.header.unknown == std::vector<std::string>{"Note", "Importo €"});
    CHECK(parsed.header.names.size() == 8);
    const auto row = cemetery::parse_register_row(
        parsed.header, {"Liscate", "anything", "Loculo", "14", "E-1", "1/1/2001", "12,50", ""}, 2);
    CHECK(row.ok());
}

TEST_CASE("a byte order mark left on the first header name does not hide the column", "[register_row]") {
    const auto parsed =
        cemetery::parse_register_header({"\xEF\xBB\xBF"
                                         "Comune",
                                         "Tipo", "Numero", "Numero_Concessione", "Data_Concessione"});
    CHECK(parsed.ok());
}

// ---------------------------------------------------------------------------------------
// Rows

TEST_CASE("a complete row becomes typed, trimmed values", "[register_row]") {
    const auto p = parse_with({
        {"Comune", "  Liscate "},
        {"Cimitero", "Liscate"},
        {"Settore", " E"},
        {"Fila", "2"},
        {"Numero", "14"},
        {"Piano", "3"},
        {"Decorrenza", "2/9/1987"},
        {"Scadenza", "1987-09-02"},
        {"Perpetua", "no"},
        {"Concessionario_CF", "rssmra85t10a562s"},
        {"Concessionario_Indirizzo", "Via Roma 1, Liscate"},
        {"Concessionario_Telefono", "02 1234567"},
        {"Concessionario_Email", "elsa@example.it"},
    });
    REQUIRE(p.errors.empty());
    const auto& r = p.row;
    CHECK(r.line == 7);
    CHECK(r.comune == "Liscate");
    CHECK(r.cemetery == "Liscate");
    CHECK(r.kind == PlotKind::loculo);
    CHECK(r.settore == "E");
    CHECK(r.fila == "2");
    CHECK(r.numero == "14");
    CHECK(r.piano == "3");
    CHECK(r.deed_number == "E-1987-031");
    CHECK(r.signed_on == ymd(1987, 9, 2));
    CHECK(r.term_start == ymd(1987, 9, 2));
    CHECK(r.term_years == 30);
    CHECK(r.stated_expiry == ymd(1987, 9, 2));
    CHECK_FALSE(r.perpetual);
    REQUIRE(r.holder);
    CHECK(r.holder->surname == "Cazzaniga");
    CHECK(r.holder->given_name == "Elsa");
    CHECK(r.holder->codice_fiscale == "RSSMRA85T10A562S");
    CHECK(r.holder->address == "Via Roma 1, Liscate");
    CHECK(r.holder->phone == "02 1234567");
    CHECK(r.holder->email == "elsa@example.it");
    REQUIRE(r.deceased);
    CHECK(r.deceased->surname == "Cazzaniga");
    CHECK(r.deceased->given_name == "Ercole");
    CHECK(r.deceased->born_on == ymd(1901, 12, 12));
    CHECK(r.deceased->died_on == ymd(1987, 8, 30));
    CHECK(r.deceased->buried_on == ymd(1987, 9, 2));
}

TEST_CASE("a row with only the required cells has no holder, no deceased and no term", "[register_row]") {
    const auto h = header_of({"Comune", "Tipo", "Numero", "Numero_Concessione", "Data_Concessione",
                              "Concessionario_Cognome", "Defunto_Nome"});
    const auto p = cemetery::parse_register_row(h, {"Liscate", "Fossa", "9", "E-9", "01/01/2020", " ", ""}, 3);
    REQUIRE(p.ok());
    CHECK_FALSE(p.row.holder);
    CHECK_FALSE(p.row.deceased);
    CHECK_FALSE(p.row.term_years);
    CHECK_FALSE(p.row.term_start);
    CHECK_FALSE(p.row.stated_expiry);
    CHECK(p.row.cemetery.empty());
    CHECK(p.row.kind == PlotKind::fossa);
}

TEST_CASE("each required cell left empty is an error of its own", "[register_row]") {
    const auto p =
        parse_with({{"Comune", " "}, {"Tipo", ""}, {"Numero_Concessione", ""}, {"Data_Concessione", ""}});
    REQUIRE(p.errors.size() == 4);
    std::vector<std::string> fields;
    for (const auto& e : p.errors) {
        fields.push_back(e.field);
        CHECK(e.message == "required, but empty");
        CHECK(e.line == 7);
    }
    CHECK(fields == std::vector<std::string>{"Comune", "Tipo", "Numero_Concessione", "Data_Concessione"});
    CHECK(cemetery::to_string(p.errors[0]) == "line 7: Comune: required, but empty");
}

TEST_CASE("the kind of plot is read as registers write it", "[register_row]") {
    CHECK(parse_with({{"Tipo", "Colombaro"}}).row.kind == PlotKind::loculo);
    CHECK(parse_with({{"Tipo", "Celletta ossario"}}).row.kind == PlotKind::ossario);
    CHECK(parse_with({{"Tipo", "TOMBA DI FAMIGLIA"}}).row.kind == PlotKind::tomba_famiglia);
    const auto e = only_error(parse_with({{"Tipo", "Mausoleo"}}));
    CHECK(e.field == "Tipo");
    CHECK(e.value == "Mausoleo");
    CHECK_THAT(e.message, Catch::Matchers::StartsWith("unknown kind of plot (expected one of: loculo,"));
}

TEST_CASE("dates may be d/m/yyyy, dd/mm/yyyy or ISO; anything else is an error", "[register_row]") {
    CHECK(parse_with({{"Data_Concessione", "7/5/2004"}}).row.signed_on == ymd(2004, 5, 7));
    CHECK(parse_with({{"Data_Concessione", "07/05/2004"}}).row.signed_on == ymd(2004, 5, 7));
    CHECK(parse_with({{"Data_Concessione", "2004-05-07"}}).row.signed_on == ymd(2004, 5, 7));
    for (const char* bad : {"30/02/1987", "2004", "7/5/04", "ieri", "32/01/2000"}) {
        CAPTURE(bad);
        const auto p = parse_with({{"Data_Concessione", bad}});
        const auto e = only_error(p);
        CHECK(e.field == "Data_Concessione");
        CHECK(e.value == bad);
        CHECK(e.message == "not a date (expected dd/mm/yyyy)");
        CHECK_FALSE(p.row.signed_on);
    }
}

TEST_CASE("a field error prints with its line, column, value and message", "[register_row]") {
    const auto e = only_error(parse_with({{"Defunto_Data_Morte", "30/02/1987"}}));
    CHECK(cemetery::to_string(e) ==
          "line 7: Defunto_Data_Morte: \"30/02/1987\": not a date (expected dd/mm/yyyy)");
    CHECK(cemetery::to_string(FieldError{3, "", "", "has 2 fields, the header has 3", {}, {}, {}}) ==
          "line 3: has 2 fields, the header has 3");
}

TEST_CASE("errors name the column as the file's header writes it", "[register_row]") {
    const auto h = header_of({"comune", "tipo", "NUMERO", "numero concessione", "DATA CONCESSIONE"});
    const auto p = cemetery::parse_register_row(h, {"Liscate", "Loculo", "3", "E-1", "ieri"}, 2);
    CHECK(only_error(p).field == "DATA CONCESSIONE");
}

TEST_CASE("the term in years must be a positive whole number", "[register_row]") {
    CHECK(parse_with({{"Durata_Anni", " 99 "}}).row.term_years == 99);
    CHECK_FALSE(parse_with({{"Durata_Anni", ""}}).row.term_years);
    for (const char* bad : {"0", "-5", "trenta", "30.5", "30 anni", "+30", "99999999999"}) {
        CAPTURE(bad);
        const auto e = only_error(parse_with({{"Durata_Anni", bad}}));
        CHECK(e.field == "Durata_Anni");
        CHECK(e.message == "not a positive whole number of years");
    }
}

TEST_CASE("Perpetua reads yes and no as clerks write them", "[register_row]") {
    for (const char* yes : {"sì", "Sì", "SI", "si'", "s", "X", "1", "vero", "TRUE", "yes", "SÌ"}) {
        CAPTURE(yes);
        const auto p = parse_with({{"Perpetua", yes}, {"Durata_Anni", ""}});
        CHECK(p.ok());
        CHECK(p.row.perpetual);
    }
    for (const char* no : {"", "no", "NO", "n", "0", "falso", "False"}) {
        CAPTURE(no);
        const auto p = parse_with({{"Perpetua", no}});
        CHECK(p.ok());
        CHECK_FALSE(p.row.perpetual);
    }
    const auto e = only_error(parse_with({{"Perpetua", "forse"}}));
    CHECK(e.field == "Perpetua");
    CHECK(e.message == "not a yes/no value (expected sì or no)");
}

TEST_CASE("a perpetual concession with a term or an expiry is an error", "[register_row]") {
    const auto with_term = only_error(parse_with({{"Perpetua", "sì"}, {"Durata_Anni", "30"}}));
    CHECK(with_term.field == "Durata_Anni");
    CHECK(cemetery::to_string(with_term) ==
          "line 7: Durata_Anni: \"30\": a perpetual concession has no term in years (Perpetua: \"sì\")");

    const auto p = parse_with({{"Perpetua", "x"}, {"Durata_Anni", ""}, {"Scadenza", "01/01/2050"}});
    CHECK(only_error(p).field == "Scadenza");

    CHECK(parse_with({{"Perpetua", "sì"}, {"Durata_Anni", "30"}, {"Scadenza", "01/01/2050"}}).errors.size() ==
          2);
    CHECK(parse_with({{"Perpetua", "no"}, {"Durata_Anni", "30"}, {"Scadenza", "01/01/2050"}}).ok());
}

TEST_CASE("the holder's codice fiscale is normalised and checked", "[register_row]") {
    CHECK(parse_with({{"Concessionario_CF", " rssmra85t10a562s"}}).row.holder->codice_fiscale ==
          "RSSMRA85T10A562S");
    for (const char* bad : {"RSSMRA85T10A562X", "RSSMRA85T10A562", "RSSMRA85Z10A562S"}) {
        CAPTURE(bad);
        const auto p = parse_with({{"Concessionario_CF", bad}});
        const auto e = only_error(p);
        CHECK(e.field == "Concessionario_CF");
        CHECK(e.value == bad);
        CHECK(e.message == cemetery::check_codice_fiscale(bad).message());
    }
}

TEST_CASE("a holder with a tax code or an address but no name is an error", "[register_row]") {
    for (const char* column : {"Concessionario_CF", "Concessionario_Indirizzo", "Concessionario_Telefono"}) {
        CAPTURE(column);
        const auto e = only_error(parse_with({{"Concessionario_Cognome", ""},
                                              {"Concessionario_Nome", ""},
                                              {column, column == std::string("Concessionario_CF") ? "RSSMRA85T10A562S"
                                                                                                  : "Via Roma 1"}}));
        CHECK(e.line == 7);
        CHECK(e.field == "Concessionario_Cognome");
        CHECK(e.message == "a holder needs a surname or a given name");
    }
    // A given name alone is a name: an old register may keep only that.
    const auto p = parse_with({{"Concessionario_Cognome", ""}});
    REQUIRE(p.ok());
    CHECK(p.row.holder->given_name == "Elsa");
}

TEST_CASE("a death before the birth is refused on the death date", "[register_row]") {
    const auto e = only_error(parse_with({{"Defunto_Data_Nascita", "12/12/1990"},
                                          {"Defunto_Data_Morte", "30/08/1987"},
                                          {"Data_Sepoltura", ""}}));
    CHECK(e.field == "Defunto_Data_Morte");
    CHECK(e.value == "30/08/1987");
    CHECK(e.message == "death before birth (born 12/12/1990)");
}

TEST_CASE("a burial before the death is refused on the burial date", "[register_row]") {
    const auto e =
        only_error(parse_with({{"Defunto_Data_Morte", "30/08/1987"}, {"Data_Sepoltura", "29/08/1987"}}));
    CHECK(e.field == "Data_Sepoltura");
    CHECK(e.message == "burial before death (died 30/08/1987)");
    // Burial on the day of death is possible.
    CHECK(parse_with({{"Defunto_Data_Morte", "30/08/1987"}, {"Data_Sepoltura", "30/08/1987"}}).ok());
    // Without a death date, a burial before the birth is still impossible.
    const auto p = parse_with({{"Defunto_Data_Morte", ""}, {"Data_Sepoltura", "01/01/1900"}});
    CHECK(only_error(p).message == "burial before birth (born 12/12/1901)");
}

TEST_CASE("a deceased with a name and no dates is kept", "[register_row]") {
    const auto p =
        parse_with({{"Defunto_Data_Nascita", ""}, {"Defunto_Data_Morte", ""}, {"Data_Sepoltura", ""}});
    REQUIRE(p.ok());
    REQUIRE(p.row.deceased);
    CHECK(p.row.deceased->given_name == "Ercole");
    CHECK_FALSE(p.row.deceased->died_on);
}

TEST_CASE("a row with a different number of fields than the header is one error", "[register_row]") {
    const auto h = header_of({"Comune", "Tipo", "Numero", "Numero_Concessione", "Data_Concessione"});
    const auto shorter = cemetery::parse_register_row(h, {"Liscate", "ieri"}, 12);
    const auto e = only_error(shorter);
    CHECK(e.line == 12);
    CHECK(e.field.empty());
    CHECK(e.message == "has 2 fields, the header has 5");
    CHECK(cemetery::to_string(e) == "line 12: has 2 fields, the header has 5");
    CHECK(only_error(cemetery::parse_register_row(h, {"a", "b", "c", "d", "e", "f"}, 3)).message ==
          "has 6 fields, the header has 5");
}

TEST_CASE("all errors of a row are reported together", "[register_row]") {
    const auto p = parse_with({{"Tipo", "Mausoleo"},
                               {"Data_Concessione", "ieri"},
                               {"Durata_Anni", "0"},
                               {"Concessionario_CF", "XYZ"}});
    CHECK(p.errors.size() == 4);
}

// ---------------------------------------------------------------------------------------
// The shared sample, end to end: bytes → encoding → CSV → header → rows

TEST_CASE("the shared sample register reads as seven valid rows", "[register_row]") {
    std::ifstream file{CEMETERY_TEST_DATA_DIR "/registro-esempio.csv", std::ios::binary};
    REQUIRE(file);
    const std::string bytes{std::istreambuf_iterator<char>{file}, {}};
    const auto encoding = cemetery::detect_encoding(bytes);
    CHECK(encoding == cemetery::TextEncoding::windows1252);
    std::istringstream text{cemetery::to_utf8(bytes, encoding)};
    cemetery::CsvReader reader{text, cemetery::detect_separator(bytes.substr(0, bytes.find('\n')))};

    std::vector<std::string> fields;
    REQUIRE(reader.next(fields));
    const auto header = cemetery::parse_register_header(fields);
    REQUIRE(header.ok());
    CHECK(header.header.unknown.empty());

    std::vector<cemetery::RegisterRow> rows;
    while (reader.next(fields)) {
        auto p = cemetery::parse_register_row(header.header, fields, reader.line());
        for (const auto& e : p.errors) UNSCOPED_INFO(cemetery::to_string(e));
        CHECK(p.ok());
        rows.push_back(p.row);
    }
    REQUIRE(rows.size() == 7);
    for (std::size_t i = 0; i < rows.size(); ++i) CHECK(rows[i].line == i + 2);

    // A family tomb on two rows, perpetual, its names in Windows-1252.
    CHECK(rows[1].kind == PlotKind::tomba_famiglia);
    CHECK(rows[1].perpetual);
    CHECK_FALSE(rows[1].term_years);
    CHECK(rows[1].holder->surname == "Viganò");
    CHECK(rows[2].deceased->surname == "Viganò");
    CHECK(rows[2].deceased->given_name == "Luigi");
    CHECK(rows[1].deed_number == rows[2].deed_number);

    // d/m/yyyy in an ossario row of a frazione's cemetery.
    CHECK(rows[3].comune == "Pozzuolo Martesana");
    CHECK(rows[3].cemetery == "Trecella");
    CHECK(rows[3].kind == PlotKind::ossario);
    CHECK(rows[3].signed_on == ymd(2004, 5, 7));
    CHECK(rows[3].deceased->died_on == ymd(1960, 1, 2));

    CHECK(rows[4].kind == PlotKind::loculo);  // "Colombaro"
    CHECK_FALSE(rows[4].term_years);

    // A quoted name with quotes in it, and no holder at all.
    CHECK(rows[5].deceased->given_name == "Giovanni \"Nanni\"");
    CHECK(rows[5].cemetery == "Cimitero di Bellinzago Lombardo");
    CHECK(rows[5].settore == "Campo 2");
    CHECK_FALSE(rows[5].holder);

    // A legacy renewal's stated expiry.
    CHECK(rows[6].stated_expiry == ymd(2033, 3, 1));
    CHECK(rows[6].term_years == 30);
}

TEST_CASE("Variante gives the code of the variant a deed was granted under", "[register_row][variant]") {
    const auto none = parse_with({});
    REQUIRE(none.errors.empty());
    CHECK_FALSE(none.row.variant);
    const auto provisional = parse_with({{"Variante", " provvisorio "}});
    REQUIRE(provisional.errors.empty());
    CHECK(provisional.row.variant == "provvisorio");
    for (const std::string bad : {"Provvisorio", "loculo provvisorio", "2anni"}) {
        const auto e = only_error(parse_with({{"Variante", bad}}));
        CHECK(e.line == 7);
        CHECK(e.field == "Variante");
        CHECK(e.value == bad);
        CHECK(e.code == cemetery::ProblemCode::bad_variant);
        CHECK_THAT(e.message, Catch::Contains("not the code of a variant"));
    }
}
