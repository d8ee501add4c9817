// Bringing an existing register in: the file a clerk exports, checked row by row
// against the Union's comuni, the regulation and the register, written all or
// nothing (issue 3, "Importing a register: the file").
#include "rules_fixture.hpp"
#include "support.hpp"
#include "term_start_files.hpp"

#include <cemetery/csv.hpp>
#include <cemetery/import.hpp>
#include <cemetery/register.hpp>
#include <cemetery/text.hpp>
#include <cemetery/union_data.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <tuple>
#include <utility>
#include <vector>

#include <sys/stat.h>

using cemetery::ImportOptions;
using cemetery::ImportReport;
using test::ymd;

namespace {

const std::vector<std::string> columns = {
    "Comune",          "Cimitero",          "Tipo",
    "Settore",         "Fila",              "Numero",
    "Piano",           "Numero_Concessione", "Data_Concessione",
    "Durata_Anni",     "Scadenza",          "Perpetua",
    "Concessionario_Cognome", "Concessionario_Nome", "Concessionario_CF",
    "Defunto_Cognome", "Defunto_Nome",      "Defunto_Data_Nascita",
    "Defunto_Data_Morte", "Data_Sepoltura"};

// A Liscate loculo signed on 02/09/1987 for 30 years, Ercole Cazzaniga buried in it:
// the first row of the sample register. Tests change only the cells they are about.
const std::map<std::string, std::string> liscate_loculo = {
    {"Comune", "Liscate"},
    {"Tipo", "Loculo"},
    {"Settore", "E"},
    {"Fila", "2"},
    {"Numero", "14"},
    {"Piano", "3"},
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

using Cells = std::map<std::string, std::string>;

// One ';'-separated line: the Liscate loculo with some cells changed.
std::string row(const Cells& changes = {}) {
    Cells cells = liscate_loculo;
    for (const auto& [column, value] : changes) {
        INFO("unknown column in a test row: " << column);
        REQUIRE(std::find(columns.begin(), columns.end(), column) != columns.end());
        cells[column] = value;
    }
    std::vector<std::string> values;
    for (const auto& column : columns) values.push_back(cells[column]);
    return cemetery::join(values, ";");
}

std::string header_line() {
    return cemetery::join(columns, ";");
}

// The file: the header, then the rows, CRLF as spreadsheets write it.
std::string file_of(const std::vector<std::string>& rows) {
    std::string text = header_line() + "\r\n";
    for (const auto& r : rows) text += r + "\r\n";
    return text;
}

std::string read_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    REQUIRE(in);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::filesystem::path sample = CEMETERY_TEST_DATA_DIR "/registro-esempio.csv";
const std::filesystem::path import_data = CEMETERY_TEST_DATA_DIR "/import";

// A register holding the Union's comuni and cemeteries, as a new database starts.
struct UnionRegister {
    cemetery::Register reg;

    explicit UnionRegister(cemetery::Register r = cemetery::Register::in_memory("test.import")) : reg(std::move(r)) {
        cemetery::seed_register(reg, cemetery::load_union_data(CEMETERY_SOURCE_DIR "/data/unione.toml"));
    }

    ImportReport import(const std::vector<std::string>& rows, const ImportOptions& options = {}) {
        return import_text(file_of(rows), options);
    }
    ImportReport import_text(std::string text, const ImportOptions& options = {}) {
        return cemetery::import_register_text(reg, test::shipped_regulation(), std::move(text), "registro.csv",
                                              options);
    }
    ImportReport import_file(const std::filesystem::path& file, const ImportOptions& options = {}) {
        return cemetery::import_register(reg, test::shipped_regulation(), file, options);
    }

    [[nodiscard]] std::int64_t concessions() const { return reg.count_concessions(); }

    // The concession with that deed in the comune, as the register now holds it.
    [[nodiscard]] std::optional<cemetery::ConcessionRecord> record(const std::string& comune,
                                                                   const std::string& deed) const {
        const auto c = reg.find_comune(comune);
        REQUIRE(c);
        const auto id = reg.find_concession(c->id, deed);
        if (!id) return std::nullopt;
        return reg.record(*id);
    }
};

std::string describe(const ImportReport& report) {
    std::ostringstream out;
    out << report.rows << " rows, " << report.concessions_added << " concessions, " << report.deceased_added
        << " deceased, committed " << report.committed << '\n';
    for (const auto& e : report.errors) out << "  error " << cemetery::to_string(e) << '\n';
    for (const auto& n : report.notices) out << "  notice " << cemetery::to_string(n) << '\n';
    return out.str();
}

// The one error an import refused with; the register must be left as it was.
cemetery::ImportProblem only_error(const ImportReport& report) {
    INFO(describe(report));
    REQUIRE(report.errors.size() == 1);
    CHECK_FALSE(report.ok());
    CHECK_FALSE(report.committed);
    return report.errors.front();
}

}  // namespace

// --- The sample register --------------------------------------------------------

TEST_CASE("the sample register imports with 6 concessions and 7 deceased", "[import]") {
    UnionRegister u;
    const auto report = u.import_file(sample);
    INFO(describe(report));
    REQUIRE(report.ok());
    CHECK(report.committed);
    CHECK(report.encoding == cemetery::TextEncoding::windows1252);
    CHECK(report.separator == ';');
    CHECK(report.rows == 7);
    CHECK(report.concessions_added == 6);
    CHECK(report.deceased_added == 7);
    CHECK(u.concessions() == 6);

    SECTION("Viganò is read from Windows-1252 with its accent") {
        const auto tomb = u.record("Liscate", "E-1968-004");
        REQUIRE(tomb);
        REQUIRE(tomb->concession.holders.size() == 1);
        CHECK(tomb->concession.holders[0].surname == "Viganò");
    }
    SECTION("the quoted name keeps its quotes") {
        const auto fossa = u.record("Bellinzago Lombardo", "E-2002-077");
        REQUIRE(fossa);
        REQUIRE(fossa->concession.deceased.size() == 1);
        CHECK(fossa->concession.deceased[0].given_name == "Giovanni \"Nanni\"");
    }
}

TEST_CASE("a register read from a pipe, which has no size, imports as the file does", "[import]") {
    test::TempDir dir;
    const auto fifo = dir.file("registro.csv");
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    std::thread writer([&] {
        std::ifstream in(sample, std::ios::binary);
        std::ofstream out(fifo, std::ios::binary);
        out << in.rdbuf();
    });
    UnionRegister u;
    const auto report = u.import_file(fifo);
    writer.join();
    INFO(describe(report));
    REQUIRE(report.ok());
    CHECK(report.rows == 7);
    CHECK(report.concessions_added == 6);
    CHECK(u.record("Liscate", "E-1968-004")->concession.holders.at(0).surname == "Viganò");
}

TEST_CASE("the sample's stated expiry 01/03/2033 is kept with one warning on line 8", "[import]") {
    UnionRegister u;
    const auto report = u.import_file(sample);
    INFO(describe(report));
    REQUIRE(report.ok());
    REQUIRE(report.notices.size() == 1);
    const auto& warning = report.notices.front();
    CHECK(warning.line == 8);
    CHECK(warning.field == "Scadenza");
    CHECK(warning.value == "01/03/2033");
    CHECK_THAT(warning.message, Catch::Contains("2013-03-01"));

    const auto loculo = u.record("Bellinzago Lombardo", "E-1983-140");
    REQUIRE(loculo);
    CHECK(loculo->concession.expires_on == ymd(2033, 3, 1));
    CHECK(loculo->concession.term_source == cemetery::TermSource::stated_expiry);
}

// --- Each error, with its line and the column as the header writes it -----------

TEST_CASE("a comune outside the Union is refused on its line", "[import]") {
    UnionRegister u;
    const auto e = only_error(u.import({row(), row({{"Comune", "Milano"}, {"Numero_Concessione", "E-2"}})}));
    CHECK(e.line == 3);
    CHECK(e.field == "Comune");
    CHECK(e.value == "Milano");
    CHECK_THAT(e.message, Catch::Contains("Liscate"));  // the known comuni are listed
    CHECK(u.concessions() == 0);
}

TEST_CASE("a cemetery the comune does not have is refused", "[import]") {
    UnionRegister u;
    const auto e = only_error(u.import({row({{"Cimitero", "Trecella"}})}));  // Trecella is Pozzuolo's
    CHECK(e.line == 2);
    CHECK(e.field == "Cimitero");
    CHECK(e.value == "Trecella");
    CHECK(u.concessions() == 0);
}

TEST_CASE("a comune with several cemeteries needs the cemetery named only for a frazione", "[import]") {
    UnionRegister u;
    SECTION("an empty cemetery is the capoluogo's") {
        const auto report = u.import({row({{"Comune", "Truccazzano"}, {"Data_Concessione", "02/09/1990"}})});
        INFO(describe(report));
        REQUIRE(report.ok());
        CHECK(u.record("Truccazzano", "E-1987-031")->cemetery.name == "Truccazzano");
    }
    SECTION("\"Cimitero di Albignano\" is Albignano, whatever its case") {
        const auto report = u.import({row({{"Comune", "truccazzano"}, {"Cimitero", "CIMITERO DI ALBIGNANO"}})});
        INFO(describe(report));
        REQUIRE(report.ok());
        CHECK(u.record("Truccazzano", "E-1987-031")->cemetery.name == "Albignano");
    }
}

TEST_CASE("a kind of plot the regulation does not know is refused", "[import]") {
    UnionRegister u;
    const auto e = only_error(u.import({row({{"Tipo", "Mausoleo"}})}));
    CHECK(e.line == 2);
    CHECK(e.field == "Tipo");
    CHECK(e.value == "Mausoleo");
}

TEST_CASE("each required cell left empty is refused naming its column", "[import]") {
    for (const char* column : {"Comune", "Tipo", "Numero", "Numero_Concessione", "Data_Concessione"}) {
        CAPTURE(column);
        UnionRegister u;
        const auto e = only_error(u.import({row({{column, ""}})}));
        CHECK(e.line == 2);
        CHECK(e.field == column);
        CHECK(e.message == "required, but empty");
        CHECK(u.concessions() == 0);
    }
}

TEST_CASE("a file without a required column is refused on its header line", "[import]") {
    UnionRegister u;
    const auto report = u.import_text("Comune;Tipo;Numero;Numero_Concessione\r\nLiscate;Loculo;14;E-1\r\n");
    INFO(describe(report));
    REQUIRE(report.errors.size() == 1);
    CHECK(report.errors[0].line == 1);
    CHECK_THAT(report.errors[0].message, Catch::Contains("\"Data_Concessione\"") && Catch::Contains("missing"));
    CHECK_FALSE(report.committed);
    CHECK(u.concessions() == 0);
}

TEST_CASE("31/02/1985 is not a date", "[import]") {
    UnionRegister u;
    const auto e = only_error(u.import({row({{"Data_Concessione", "31/02/1985"}})}));
    CHECK(e.line == 2);
    CHECK(e.field == "Data_Concessione");
    CHECK(e.value == "31/02/1985");
}

TEST_CASE("a death before the birth is refused", "[import]") {
    UnionRegister u;
    const auto e = only_error(u.import({row({{"Defunto_Data_Nascita", "12/12/1990"}})}));
    CHECK(e.line == 2);
    CHECK(e.field == "Defunto_Data_Morte");
    CHECK_THAT(e.message, Catch::Contains("death before birth"));
}

TEST_CASE("a burial before the death is refused", "[import]") {
    UnionRegister u;
    const auto e = only_error(u.import({row({{"Data_Sepoltura", "29/08/1987"}})}));
    CHECK(e.line == 2);
    CHECK(e.field == "Data_Sepoltura");
    CHECK(e.value == "29/08/1987");
    CHECK_THAT(e.message, Catch::Contains("burial before death"));
}

TEST_CASE("a codice fiscale with a wrong check letter is refused", "[import]") {
    UnionRegister u;
    const auto e = only_error(u.import({row({{"Concessionario_CF", "RSSMRA85T10A562X"}})}));
    CHECK(e.line == 2);
    CHECK(e.field == "Concessionario_CF");
    CHECK(e.value == "RSSMRA85T10A562X");
    CHECK_THAT(e.message, Catch::Contains("expected S"));

    SECTION("and a right one is kept") {
        UnionRegister ok;
        const auto report = ok.import({row({{"Concessionario_CF", "rssmra85t10a562s"}})});
        INFO(describe(report));
        REQUIRE(report.ok());
        CHECK(ok.record("Liscate", "E-1987-031")->concession.holders.at(0).codice_fiscale == "RSSMRA85T10A562S");
    }
}

TEST_CASE("a deed signed after 09/02/1976 cannot be perpetual", "[import]") {
    UnionRegister u;
    const auto tomb = Cells{{"Tipo", "Tomba di famiglia"}, {"Durata_Anni", ""}, {"Perpetua", "sì"}};
    SECTION("signed on 10/02/1976, the day DPR 803/1975 came into force") {
        Cells cells = tomb;
        cells["Data_Concessione"] = "10/02/1976";
        cells["Defunto_Data_Morte"] = "08/02/1976";
        cells["Data_Sepoltura"] = "10/02/1976";
        const auto e = only_error(u.import({row(cells)}));
        CHECK(e.line == 2);
        CHECK(e.field == "Perpetua");
        CHECK_THAT(e.message, Catch::Contains("09/02/1976"));
        CHECK(u.concessions() == 0);
    }
    SECTION("signed on 09/02/1976 it stays perpetual") {
        Cells cells = tomb;
        cells["Data_Concessione"] = "09/02/1976";
        cells["Defunto_Data_Morte"] = "07/02/1976";
        cells["Data_Sepoltura"] = "09/02/1976";
        const auto report = u.import({row(cells)});
        INFO(describe(report));
        REQUIRE(report.ok());
        const auto c = u.record("Liscate", "E-1987-031")->concession;
        CHECK(c.perpetual);
        CHECK_FALSE(c.expires_on);
    }
}

TEST_CASE("a perpetual deed with a term or an expiry is refused", "[import]") {
    UnionRegister u;
    const auto perpetual_1968 = Cells{{"Data_Concessione", "15/04/1968"}, {"Perpetua", "sì"},
                                      {"Defunto_Data_Morte", "13/04/1968"}, {"Data_Sepoltura", "16/04/1968"}};
    SECTION("with a term in years") {
        Cells cells = perpetual_1968;
        cells["Durata_Anni"] = "30";
        const auto e = only_error(u.import({row(cells)}));
        CHECK(e.line == 2);
        CHECK(e.field == "Durata_Anni");
        CHECK_THAT(e.message, Catch::Contains("perpetual"));
    }
    SECTION("with an expiry") {
        Cells cells = perpetual_1968;
        cells["Durata_Anni"] = "";
        cells["Scadenza"] = "15/04/2067";
        const auto e = only_error(u.import({row(cells)}));
        CHECK(e.line == 2);
        CHECK(e.field == "Scadenza");
        CHECK_THAT(e.message, Catch::Contains("perpetual"));
    }
    CHECK(u.concessions() == 0);
}

TEST_CASE("a term over 99 years is refused (DPR 285/1990 art. 92)", "[import]") {
    UnionRegister u;
    const auto e = only_error(u.import({row({{"Tipo", "Cappella"}, {"Durata_Anni", "100"}})}));
    CHECK(e.line == 2);
    CHECK(e.field == "Durata_Anni");
    CHECK(e.value == "100");
    CHECK_THAT(e.message, Catch::Contains("99"));

    SECTION("99 years is the maximum and is accepted") {
        UnionRegister ok;
        const auto report = ok.import({row({{"Tipo", "Cappella"}, {"Durata_Anni", "99"}})});
        INFO(describe(report));
        REQUIRE(report.ok());
        CHECK(ok.record("Liscate", "E-1987-031")->concession.expires_on == ymd(2086, 9, 2));
    }
}

TEST_CASE("an empty Durata_Anni takes the term of the version in force on signing", "[import]") {
    UnionRegister u;
    SECTION("a Liscate loculo of 1990 is older than every version: refused") {
        const auto e = only_error(u.import({row({{"Data_Concessione", "02/09/1990"}, {"Durata_Anni", ""}})}));
        CHECK(e.line == 2);
        CHECK(e.field == "Durata_Anni");
        CHECK_THAT(e.message, Catch::Contains("prima di ogni versione"));
        CHECK(u.concessions() == 0);
    }
    SECTION("a Liscate loculo of 2022 lasts 30 years under Unione 2020") {
        const auto report = u.import({row({{"Data_Concessione", "15/03/2022"},
                                           {"Durata_Anni", ""},
                                           {"Defunto_Data_Morte", "12/03/2022"},
                                           {"Data_Sepoltura", "15/03/2022"}})});
        INFO(describe(report));
        REQUIRE(report.ok());
        const auto c = u.record("Liscate", "E-1987-031")->concession;
        CHECK(c.expires_on == ymd(2052, 3, 15));
        CHECK(c.version_name == "Unione 2020");
    }
}

TEST_CASE("rows of one deed that disagree on the concession are refused", "[import]") {
    UnionRegister u;
    const auto e = only_error(u.import({row(), row({{"Data_Concessione", "03/09/1987"},
                                                    {"Defunto_Nome", "Ada"}})}));
    CHECK(e.line == 3);
    CHECK(e.field == "Numero_Concessione");
    CHECK(e.value == "E-1987-031");
    CHECK_THAT(e.message, Catch::Contains("line 2"));
    CHECK(u.concessions() == 0);
}

TEST_CASE("two concessions on one plot at the same time are refused", "[import]") {
    const auto second = Cells{{"Numero_Concessione", "E-1995-002"}, {"Data_Concessione", "10/10/1995"},
                              {"Defunto_Nome", "Ada"}, {"Defunto_Data_Morte", "08/10/1995"},
                              {"Data_Sepoltura", "10/10/1995"}};
    SECTION("both in the file") {
        UnionRegister u;
        const auto e = only_error(u.import({row(), row(second)}));
        CHECK(e.line == 3);
        CHECK(e.field == "Numero");
        CHECK_THAT(e.message, Catch::Contains("held by another concession"));
        CHECK(u.concessions() == 0);
    }
    SECTION("one in the file, one already in the register") {
        UnionRegister u;
        REQUIRE(u.import({row()}).ok());
        const auto e = only_error(u.import({row(second)}));
        CHECK(e.line == 2);
        CHECK(e.field == "Numero");
        CHECK(u.concessions() == 1);
    }
    SECTION("after the first has expired the plot may be granted again") {
        UnionRegister u;
        auto later = second;
        later["Data_Concessione"] = "03/09/2017";
        later["Defunto_Data_Morte"] = "01/09/2017";
        later["Data_Sepoltura"] = "03/09/2017";
        const auto report = u.import({row(), row(later)});
        INFO(describe(report));
        CHECK(report.ok());
        CHECK(u.concessions() == 2);
    }
}

TEST_CASE("a deed already in the register with different data is refused", "[import]") {
    UnionRegister u;
    REQUIRE(u.import({row()}).ok());
    const auto e = only_error(u.import({row({{"Numero", "15"}})}));
    CHECK(e.line == 2);
    CHECK(e.field == "Numero_Concessione");
    CHECK(e.value == "E-1987-031");
    CHECK_THAT(e.message, Catch::Contains("already in the register"));
    CHECK(u.record("Liscate", "E-1987-031")->plot.location.numero == "14");
}

TEST_CASE("an import error names the column as the file's header writes it", "[import]") {
    UnionRegister u;
    const auto report = u.import_text(
        "COMUNE;tipo;numero;numero concessione;Data Stipula\nLiscate;Loculo;14;E-1;30/02/1999\n");
    const auto e = only_error(report);
    CHECK(e.line == 2);
    CHECK(e.field == "Data Stipula");
}

// --- All or nothing, and its exceptions ------------------------------------------

TEST_CASE("one wrong row and nothing is written, every error listed", "[import]") {
    UnionRegister u;
    std::string text = read_bytes(import_data / "registro.utf8.puntoevirgola.lf.csv");
    text += "Liscate;;Loculo;E;2;14;3;E-1;02/09/1987;30;;;;;;Rossi;Ada;01/01/1990;01/01/1980;02/01/1980\n";
    text += "Milano;;Loculo;E;2;15;3;E-2;02/09/1987;30;;;;;;;;;;\n";
    const auto report = u.import_text(text);
    INFO(describe(report));
    REQUIRE(report.errors.size() == 2);
    CHECK(report.errors[0].line == 7);
    CHECK(report.errors[1].line == 8);
    CHECK_FALSE(report.committed);
    CHECK(u.concessions() == 0);
    CHECK_FALSE(u.record("Liscate", "L-1985-020"));
}

TEST_CASE("with skip_invalid the good concessions are written and a concession with a bad row is skipped whole",
          "[import]") {
    UnionRegister u;
    // The family tomb T-1 is on lines 2 and 5; line 5 buries Luigi before his death.
    const auto tomb = Cells{{"Tipo", "Tomba di famiglia"}, {"Settore", "F"}, {"Fila", ""}, {"Numero", "9"},
                            {"Piano", ""}, {"Numero_Concessione", "T-1"}, {"Data_Concessione", "15/04/1968"},
                            {"Durata_Anni", ""}, {"Perpetua", "sì"}, {"Concessionario_Cognome", "Pèrego"},
                            {"Defunto_Cognome", "Pèrego"}, {"Defunto_Nome", "Angela"},
                            {"Defunto_Data_Nascita", "01/02/1880"}, {"Defunto_Data_Morte", "13/04/1968"},
                            {"Data_Sepoltura", "16/04/1968"}};
    auto luigi = tomb;
    luigi["Defunto_Nome"] = "Luigi";
    luigi["Data_Sepoltura"] = "10/04/1968";
    const std::vector<std::string> rows = {
        row(tomb),
        row(),                                                                           // E-1987-031: good
        row({{"Numero", "15"}, {"Numero_Concessione", "E-2"}, {"Comune", "Milano"}}),   // bad on its own
        row(luigi),
        row({{"Numero", "16"}, {"Numero_Concessione", "E-3"}, {"Defunto_Nome", "Ada"}}),  // good
    };
    ImportOptions options;
    options.skip_invalid = true;
    const auto report = u.import(rows, options);
    INFO(describe(report));

    CHECK(report.committed);
    CHECK(report.concessions_added == 2);
    CHECK(u.concessions() == 2);
    CHECK(u.record("Liscate", "E-1987-031"));
    CHECK(u.record("Liscate", "E-3"));
    CHECK_FALSE(u.record("Liscate", "T-1"));

    SECTION("the rejected rows are the tomb's two and the bad comune's") {
        std::vector<std::size_t> lines;
        for (const auto& r : report.rejected) lines.push_back(r.line);
        std::sort(lines.begin(), lines.end());
        CHECK(lines == std::vector<std::size_t>{2, 4, 5});
        for (const auto& r : report.rejected) {
            CAPTURE(r.line, r.reason);
            if (r.line == 2) CHECK_THAT(r.reason, Catch::Contains("line 5"));
            if (r.line == 5) CHECK_THAT(r.reason, Catch::Contains("burial before death"));
        }
    }
    SECTION("a row spoiled only by another row is not an error of its own") {
        std::vector<std::size_t> lines;
        for (const auto& e : report.errors) lines.push_back(e.line);
        std::sort(lines.begin(), lines.end());
        CHECK(lines == std::vector<std::size_t>{4, 5});
    }
    SECTION("the rejects are the file's header plus Errore, then each rejected row with its reason") {
        std::ostringstream out;
        cemetery::write_rejects(out, report);
        std::istringstream in(out.str());
        cemetery::CsvReader reader(in, ';');
        std::vector<std::string> fields;
        REQUIRE(reader.next(fields));
        auto expected_header = columns;
        expected_header.push_back("Errore");
        CHECK(fields == expected_header);
        std::size_t n = 0;
        while (reader.next(fields)) {
            ++n;
            REQUIRE(fields.size() == columns.size() + 1);
            CHECK(fields[7] != "E-1987-031");
            CHECK(fields[7] != "E-3");
            CHECK_THAT(fields.back(), Catch::StartsWith("riga "));
        }
        CHECK(n == 3);
    }
}

TEST_CASE("without skip_invalid nothing is rejected row by row: the file is refused", "[import]") {
    UnionRegister u;
    const auto report = u.import({row(), row({{"Numero_Concessione", "E-2"}, {"Comune", "Milano"}})});
    CHECK_FALSE(report.committed);
    CHECK(report.rejected.empty());
    CHECK(u.concessions() == 0);
}

TEST_CASE("a dry run checks everything and writes nothing", "[import]") {
    UnionRegister u;
    ImportOptions options;
    options.dry_run = true;
    SECTION("a good file: what would be added is counted") {
        const auto report = u.import_file(sample, options);
        INFO(describe(report));
        CHECK(report.ok());
        CHECK_FALSE(report.committed);
        CHECK(report.concessions_added == 6);
        CHECK(report.notices.size() == 1);
        CHECK(u.concessions() == 0);
    }
    SECTION("a wrong file: its errors are listed") {
        const auto e = only_error(u.import({row({{"Data_Concessione", "31/02/1985"}})}, options));
        CHECK(e.line == 2);
        CHECK(u.concessions() == 0);
    }
}

TEST_CASE("importing the same file twice adds nothing the second time", "[import]") {
    UnionRegister u;
    REQUIRE(u.import_file(sample).ok());
    const auto log_after_first = u.reg.change_log_size();
    const auto again = u.import_file(sample);
    INFO(describe(again));
    CHECK(again.ok());
    CHECK(again.concessions_added == 0);
    CHECK(again.deceased_added == 0);
    CHECK(again.plots_added == 0);
    CHECK_FALSE(again.committed);
    CHECK(u.concessions() == 6);
    CHECK(u.reg.change_log_size() == log_after_first);
    CHECK(u.record("Liscate", "E-1968-004")->concession.deceased.size() == 2);

    SECTION("a later export with one more burial in the family tomb adds only that deceased") {
        std::string text = read_bytes(sample);
        text += "Liscate;;Tomba di famiglia;F;;8;;E-1968-004;15/04/1968;;;s\xEC;Vigan\xF2;Piero;;Vigan\xF2;"
                "Carla;05/05/1910;01/06/1990;03/06/1990\r\n";
        const auto third = u.import_text(text);
        INFO(describe(third));
        CHECK(third.ok());
        CHECK(third.concessions_added == 0);
        CHECK(third.deceased_added == 1);
        CHECK(u.record("Liscate", "E-1968-004")->concession.deceased.size() == 3);
    }
}

// --- What clerks' files look like -------------------------------------------------

TEST_CASE("one register reads alike in UTF-8 with or without BOM or Windows-1252, "
          "separated by semicolons, commas or tabs, with CRLF or LF",
          "[import]") {
    struct Variant {
        const char* file;
        cemetery::TextEncoding encoding;
        char separator;
    };
    const Variant variant = GENERATE(
        Variant{"registro.utf8-bom.virgola.lf.csv", cemetery::TextEncoding::utf8, ','},
        Variant{"registro.utf8.tab.crlf.csv", cemetery::TextEncoding::utf8, '\t'},
        Variant{"registro.windows1252.puntoevirgola.crlf.csv", cemetery::TextEncoding::windows1252, ';'},
        Variant{"registro.utf8.puntoevirgola.lf.csv", cemetery::TextEncoding::utf8, ';'},
        Variant{"registro.intestazione-mista.csv", cemetery::TextEncoding::utf8, ';'});
    CAPTURE(variant.file);
    UnionRegister u;
    const auto report = u.import_file(import_data / variant.file);
    INFO(describe(report));
    REQUIRE(report.ok());
    CHECK(report.encoding == variant.encoding);
    CHECK(report.separator == variant.separator);
    CHECK(report.unknown_columns.empty());
    CHECK(report.rows == 5);
    CHECK(report.concessions_added == 4);
    CHECK(report.deceased_added == 4);

    const auto perpetual = u.record("Pozzuolo Martesana", "P-1971-010");
    REQUIRE(perpetual);
    CHECK(perpetual->cemetery.name == "Trecella");
    CHECK(perpetual->concession.perpetual);
    CHECK(perpetual->concession.holders.at(0).surname == "D'Adda");

    const auto tomb = u.record("Liscate", "L-1985-020");
    REQUIRE(tomb);
    CHECK(tomb->concession.expires_on == ymd(2015, 6, 20));
    CHECK(tomb->concession.holders.size() == 1);
    REQUIRE(tomb->concession.deceased.size() == 2);
    CHECK(tomb->concession.holders.at(0).surname == "Pèrego");
    CHECK(tomb->concession.deceased[1].surname == "Dell'Orto");
    CHECK(tomb->concession.deceased[1].given_name == "Maria, detta Mariuccia");

    const auto niche = u.record("Bellinzago Lombardo", "B-2022-005");
    REQUIRE(niche);
    CHECK(niche->plot.kind == cemetery::PlotKind::cinerario);
    CHECK(niche->concession.expires_on == ymd(2052, 3, 14));
    CHECK(niche->concession.holders.at(0).codice_fiscale == "RSSMRA85T10A562S");

    const auto loculo = u.record("Truccazzano", "T-2010-033");
    REQUIRE(loculo);
    CHECK(loculo->cemetery.name == "Albignano");
    CHECK(loculo->concession.version_name == "Truccazzano 2001");
    CHECK(loculo->concession.expires_on == ymd(2040, 2, 1));
}

TEST_CASE("dates may be written d/m/yyyy, dd-mm-yyyy or yyyy-mm-dd", "[import]") {
    UnionRegister u;
    const auto report = u.import({
        row({{"Numero", "1"}, {"Numero_Concessione", "D-1"}, {"Data_Concessione", "7/5/2004"},
             {"Defunto_Data_Morte", "5/5/2004"}, {"Data_Sepoltura", "7/5/2004"}}),
        row({{"Numero", "2"}, {"Numero_Concessione", "D-2"}, {"Data_Concessione", "07-05-2004"},
             {"Defunto_Data_Morte", "05-05-2004"}, {"Data_Sepoltura", "07-05-2004"}}),
        row({{"Numero", "3"}, {"Numero_Concessione", "D-3"}, {"Data_Concessione", "2004-05-07"},
             {"Defunto_Data_Morte", "2004-05-05"}, {"Data_Sepoltura", "2004-05-07"}}),
    });
    INFO(describe(report));
    REQUIRE(report.ok());
    for (const char* deed : {"D-1", "D-2", "D-3"}) {
        CAPTURE(deed);
        const auto c = u.record("Liscate", deed)->concession;
        CHECK(c.signed_on == ymd(2004, 5, 7));
        CHECK(c.expires_on == ymd(2034, 5, 7));
        CHECK(c.deceased.at(0).died_on == ymd(2004, 5, 5));
    }
}

TEST_CASE("a family tomb on two rows is one concession with two deceased", "[import]") {
    UnionRegister u;
    const auto tomb = Cells{{"Tipo", "Tomba di famiglia"}, {"Numero_Concessione", "E-1968-004"},
                            {"Data_Concessione", "15/04/1968"}, {"Durata_Anni", ""}, {"Perpetua", "sì"},
                            {"Defunto_Cognome", "Viganò"}, {"Defunto_Nome", "Angela"},
                            {"Defunto_Data_Nascita", "01/02/1880"}, {"Defunto_Data_Morte", "13/04/1968"},
                            {"Data_Sepoltura", "16/04/1968"}};
    auto luigi = tomb;
    luigi["Defunto_Nome"] = "Luigi";
    luigi["Defunto_Data_Nascita"] = "03/03/1885";
    luigi["Defunto_Data_Morte"] = "20/11/1979";
    luigi["Data_Sepoltura"] = "22/11/1979";
    const auto report = u.import({row(tomb), row(luigi)});
    INFO(describe(report));
    REQUIRE(report.ok());
    CHECK(report.concessions_added == 1);
    CHECK(report.deceased_added == 2);
    CHECK(report.plots_added == 1);
    const auto c = u.record("Liscate", "E-1968-004")->concession;
    CHECK(c.holders.size() == 1);  // the holder repeated on both rows is one person
    REQUIRE(c.deceased.size() == 2);
    CHECK(c.deceased[0].given_name == "Angela");
    CHECK(c.deceased[1].given_name == "Luigi");
}

TEST_CASE("every deceased of an import is found by search, wherever its rows are in the file", "[import]") {
    UnionRegister u;
    const auto tomb = Cells{{"Tipo", "Tomba di famiglia"}, {"Numero_Concessione", "E-1968-004"},
                            {"Data_Concessione", "15/04/1968"}, {"Durata_Anni", ""}, {"Perpetua", "sì"},
                            {"Numero", "8"}, {"Defunto_Cognome", "D'Adda"}, {"Defunto_Nome", "Angela"},
                            {"Defunto_Data_Nascita", "01/02/1880"}, {"Defunto_Data_Morte", "13/04/1968"},
                            {"Data_Sepoltura", "16/04/1968"}};
    auto luigi = tomb;
    luigi["Defunto_Cognome"] = "Pèrego";
    luigi["Defunto_Nome"] = "Luigi";
    luigi["Defunto_Data_Nascita"] = "03/03/1885";
    luigi["Defunto_Data_Morte"] = "20/11/1979";
    luigi["Data_Sepoltura"] = "22/11/1979";
    // The tomb's second row comes after another concession's.
    const auto report = u.import({row(tomb), row({{"Numero", "15"}, {"Numero_Concessione", "E-2"}}), row(luigi)});
    INFO(describe(report));
    REQUIRE(report.ok());
    auto deeds = [&](const std::string& text) {
        std::vector<std::string> out;
        for (const auto& hit : u.reg.search(text)) out.push_back(hit.deed_number);
        std::sort(out.begin(), out.end());
        return out;
    };
    CHECK(deeds("dadda") == std::vector<std::string>{"E-1968-004"});
    CHECK(deeds("adda ang") == std::vector<std::string>{"E-1968-004"});
    CHECK(deeds("perego luigi") == std::vector<std::string>{"E-1968-004"});
    CHECK(deeds("e-2") == std::vector<std::string>{"E-2"});
    CHECK(deeds("cazzaniga").size() == 2);  // the holder of both rows
}

TEST_CASE("a concession with nobody buried yet is imported without deceased", "[import]") {
    UnionRegister u;
    const auto report = u.import({row({{"Defunto_Cognome", ""}, {"Defunto_Nome", ""}, {"Defunto_Data_Nascita", ""},
                                       {"Defunto_Data_Morte", ""}, {"Data_Sepoltura", ""}})});
    INFO(describe(report));
    REQUIRE(report.ok());
    CHECK(report.concessions_added == 1);
    CHECK(report.deceased_added == 0);
    const auto c = u.record("Liscate", "E-1987-031")->concession;
    CHECK(c.deceased.empty());
    CHECK(c.holders.size() == 1);
    CHECK(c.expires_on == ymd(2017, 9, 2));
}

TEST_CASE("a record broken far into the file stops the import with its line, writing nothing", "[import]") {
    // The rows are read on a second thread, some thousands ahead: its error must
    // still reach the caller, with the line, after the rows before it were seen.
    std::vector<std::string> rows;
    for (int i = 1; i <= 9000; ++i) {
        rows.push_back(row({{"Numero", std::to_string(i)}, {"Numero_Concessione", "E-" + std::to_string(i)}}));
    }
    std::string text = file_of(rows) + "Liscate;\"never closed\r\n";
    UnionRegister u;
    std::size_t seen = 0;
    ImportOptions options;
    options.progress = [&](std::size_t done, std::size_t) {
        seen = done;
        return true;
    };
    try {
        (void)u.import_text(std::move(text), options);
        FAIL("a broken record was read as a good one");
    } catch (const cemetery::CsvError& e) {
        CHECK(e.line() == 9002);
    }
    CHECK(seen >= 8000);
    CHECK(u.concessions() == 0);
}

TEST_CASE("cancelling through the progress callback writes nothing", "[import]") {
    // 1,500 loculi, so that progress is reported during both passes.
    std::vector<std::string> rows;
    for (int i = 1; i <= 1500; ++i) {
        rows.push_back(row({{"Numero", std::to_string(i)}, {"Numero_Concessione", "E-" + std::to_string(i)}}));
    }
    std::vector<std::pair<std::size_t, std::size_t>> calls;
    SECTION("during the check") {
        UnionRegister u;
        ImportOptions options;
        options.progress = [&](std::size_t done, std::size_t total) {
            calls.emplace_back(done, total);
            return false;
        };
        const auto report = u.import(rows, options);
        CHECK(report.cancelled);
        CHECK_FALSE(report.ok());
        CHECK_FALSE(report.committed);
        CHECK(u.concessions() == 0);
        REQUIRE(calls.size() == 1);
        CHECK(calls[0].first < calls[0].second);
    }
    SECTION("during the writing, after a thousand concessions went in") {
        UnionRegister u;
        ImportOptions options;
        options.progress = [&](std::size_t done, std::size_t total) {
            calls.emplace_back(done, total);
            return done < 2500;  // the check is 1,500 rows, so this is 1,000 rows into the writing
        };
        const auto report = u.import(rows, options);
        CHECK(report.cancelled);
        CHECK_FALSE(report.committed);
        CHECK(report.concessions_added > 0);  // they were written, then rolled back
        CHECK(u.concessions() == 0);
    }
    SECTION("a callback that never cancels sees the import to its end") {
        UnionRegister u;
        ImportOptions options;
        options.progress = [&](std::size_t done, std::size_t total) {
            calls.emplace_back(done, total);
            return true;
        };
        const auto report = u.import(rows, options);
        CHECK(report.ok());
        CHECK(u.concessions() == 1500);
        REQUIRE_FALSE(calls.empty());
        CHECK(calls.back().first == calls.back().second);
    }
}

TEST_CASE("an import into a register file is one transaction", "[import]") {
    test::TempDir dir;
    const auto file = dir.file("registro.sqlite");
    {
        UnionRegister u(cemetery::Register::open(file));
        const auto report = u.import({row(), row({{"Numero", "15"}, {"Numero_Concessione", "E-2"},
                                                  {"Data_Sepoltura", "01/01/1900"}})});
        CHECK_FALSE(report.ok());
    }
    {
        UnionRegister u(cemetery::Register::open(file));
        CHECK(u.concessions() == 0);
        REQUIRE(u.import({row()}).ok());
    }
    UnionRegister reopened(cemetery::Register::open(file));
    CHECK(reopened.concessions() == 1);
}

TEST_CASE("every import problem carries a code the programs can translate", "[import]") {
    using cemetery::ProblemCode;
    SECTION("a cell left empty") {
        UnionRegister u;
        CHECK(only_error(u.import({row({{"Comune", ""}})})).code == ProblemCode::required_empty);
    }
    SECTION("an impossible date") {
        UnionRegister u;
        CHECK(only_error(u.import({row({{"Data_Concessione", "31/02/1985"}})})).code == ProblemCode::not_a_date);
    }
    SECTION("a comune outside the Union") {
        UnionRegister u;
        CHECK(only_error(u.import({row({{"Comune", "Melzo"}})})).code == ProblemCode::unknown_comune);
    }
    SECTION("a term the regulation refuses, with the rule and its version") {
        UnionRegister u;
        const auto e = only_error(u.import({row({{"Data_Concessione", "10/01/2022"}, {"Durata_Anni", "25"},
                                                 {"Data_Sepoltura", "12/01/2022"}, {"Defunto_Data_Morte", "08/01/2022"}})}));
        CHECK(e.code == ProblemCode::refused_by_rules);
        REQUIRE(e.refusal);
        CHECK(*e.refusal == cemetery::RefusalCode::term_differs);
        CHECK(e.detail == "Unione 2020");
    }
}

// --- Nothing lost, nothing wrong: what an import must refuse ----------------------

namespace {

// The errors of a report on one line and field (all of them, in order).
std::vector<cemetery::ImportProblem> errors_on(const ImportReport& report, std::size_t line, const std::string& field) {
    std::vector<cemetery::ImportProblem> found;
    for (const auto& e : report.errors) {
        if (e.line == line && e.field == field) found.push_back(e);
    }
    return found;
}

// Every message of a report, one per line, for Contains checks.
std::string all_messages(const ImportReport& report) {
    std::string out;
    for (const auto& e : report.errors) out += cemetery::to_string(e) + '\n';
    return out;
}

// Each row on a plot and deed of its own: row i is line i + 2.
std::vector<std::string> rows_with_surnames(const std::vector<std::string>& surnames) {
    std::vector<std::string> rows;
    for (std::size_t i = 0; i < surnames.size(); ++i) {
        rows.push_back(row({{"Numero", std::to_string(100 + i)},
                            {"Numero_Concessione", "E-" + std::to_string(100 + i)},
                            {"Defunto_Cognome", surnames[i]}}));
    }
    return rows;
}

// UTF-16 as Windows' Notepad saves it ("Unicode"): each ASCII byte with a zero beside it.
std::string utf16(const std::string& ascii, bool little_endian, bool bom) {
    std::string out;
    if (bom) out += little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (const char c : ascii) {
        if (little_endian) {
            out += c;
            out += '\0';
        } else {
            out += '\0';
            out += c;
        }
    }
    return out;
}

}  // namespace

TEST_CASE("a UTF-8 register with one stray Windows-1252 row is refused, naming that row", "[import][encoding]") {
    // 66 names written in UTF-8, one in Windows-1252: read as Windows-1252 the 66
    // would all become "ViganÃ²".
    std::vector<std::string> surnames(66, "Viganò");
    surnames.insert(surnames.begin() + 40, "Vigan\xF2");  // line 42
    UnionRegister u;
    const auto report = u.import(rows_with_surnames(surnames));
    INFO(describe(report));
    CHECK_FALSE(report.ok());
    CHECK_FALSE(report.committed);
    CHECK(u.concessions() == 0);
    REQUIRE_FALSE(report.errors.empty());
    std::vector<std::size_t> lines;
    for (const auto& e : report.errors) {
        if (e.line > 0) lines.push_back(e.line);
    }
    CHECK(lines == std::vector<std::size_t>{42});
    CHECK_THAT(all_messages(report), Catch::Contains("UTF-8") && Catch::Contains("Windows-1252"));
}

TEST_CASE("a mixed file names every line in the other encoding, up to a limit, then how many more",
          "[import][encoding]") {
    std::vector<std::string> surnames(60, "Viganò");
    for (std::size_t i = 0; i < 30; ++i) surnames[2 * i] = "Vigan\xF2";  // lines 2, 4, ... 60
    UnionRegister u;
    const auto report = u.import(rows_with_surnames(surnames));
    INFO(describe(report));
    CHECK(u.concessions() == 0);
    std::vector<std::size_t> lines;
    for (const auto& e : report.errors) {
        if (e.line > 0) lines.push_back(e.line);
    }
    REQUIRE(lines.size() == 20);
    CHECK(lines.front() == 2);
    CHECK(lines.back() == 40);
    CHECK_THAT(all_messages(report), Catch::Contains("and 10 more"));
}

TEST_CASE("a Windows-1252 register with one row pasted in UTF-8 is refused, naming that row", "[import][encoding]") {
    std::vector<std::string> surnames(20, "Vigan\xF2");
    surnames[5] = "Pèrego";  // UTF-8: line 7
    UnionRegister u;
    const auto report = u.import(rows_with_surnames(surnames));
    INFO(describe(report));
    CHECK(u.concessions() == 0);
    std::vector<std::size_t> lines;
    for (const auto& e : report.errors) {
        if (e.line > 0) lines.push_back(e.line);
    }
    CHECK(lines == std::vector<std::size_t>{7});
}

TEST_CASE("a file in UTF-16 or UTF-32 is refused saying so", "[import][encoding]") {
    const std::string text = file_of({row()});
    std::string bytes;
    SECTION("UTF-16 little-endian with its byte order mark") { bytes = utf16(text, true, true); }
    SECTION("UTF-16 little-endian without it") { bytes = utf16(text, true, false); }
    SECTION("UTF-16 big-endian with its byte order mark") { bytes = utf16(text, false, true); }
    SECTION("UTF-32 little-endian with its byte order mark") {
        bytes = std::string("\xFF\xFE\0\0", 4);
        for (const char c : text) bytes += std::string(1, c) + std::string(3, '\0');
    }
    UnionRegister u;
    const auto e = only_error(u.import_text(bytes));
    CHECK_THAT(e.message, Catch::Contains("UTF-") && Catch::Contains("save it as UTF-8 or Windows-1252"));
    CHECK(u.concessions() == 0);
}

TEST_CASE("a date that has not come yet is refused on its field", "[import][dates]") {
    // Today is whenever the test runs: 9999 is after it.
    for (const char* column : {"Data_Concessione", "Defunto_Data_Nascita", "Defunto_Data_Morte", "Data_Sepoltura"}) {
        CAPTURE(column);
        UnionRegister u;
        const auto report = u.import({row({{column, "31/12/9999"}})});
        INFO(describe(report));
        CHECK_FALSE(report.ok());
        CHECK(u.concessions() == 0);
        const auto found = errors_on(report, 2, column);
        REQUIRE(found.size() == 1);
        CHECK(found[0].value == "31/12/9999");
        CHECK_THAT(found[0].message, Catch::Contains("after today"));
    }
}

TEST_CASE("a term start that has not come yet is refused on Data_Decorrenza", "[import][dates]") {
    UnionRegister u;
    const auto report = u.import_text(
        "Comune;Tipo;Numero;Numero_Concessione;Data_Concessione;Data_Decorrenza;Durata_Anni\r\n"
        "Liscate;Loculo;14;E-1;02/09/1987;01/01/9000;30\r\n");
    INFO(describe(report));
    const auto e = only_error(report);
    CHECK(e.field == "Data_Decorrenza");
    CHECK_THAT(e.message, Catch::Contains("after today"));
}

TEST_CASE("a stated expiry before the term starts is refused", "[import][dates]") {
    UnionRegister u;
    const auto e = only_error(u.import({row({{"Scadenza", "01/09/1987"}})}));  // signed 02/09/1987
    CHECK(e.line == 2);
    CHECK(e.field == "Scadenza");
    CHECK(e.value == "01/09/1987");
    CHECK_THAT(e.message, Catch::Contains("before the term starts"));
}

TEST_CASE("a stated expiry more than a renewal of the longest period past its term is refused", "[import][dates]") {
    UnionRegister u;
    SECTION("150 years after the signing of a 30-year loculo") {
        const auto e = only_error(u.import({row({{"Scadenza", "02/09/2137"}})}));
        CHECK(e.line == 2);
        CHECK(e.field == "Scadenza");
        CHECK(e.value == "02/09/2137");
        CHECK_THAT(e.message, Catch::Contains("99 years after the term's own end (02/09/2017"));
    }
    SECTION("31/12/9999") {
        const auto e = only_error(u.import({row({{"Scadenza", "31/12/9999"}})}));
        CHECK(e.field == "Scadenza");
    }
    SECTION("the term and then 99 years is the furthest kept, with its notice") {
        const auto report = u.import({row({{"Scadenza", "02/09/2116"}})});
        INFO(describe(report));
        REQUIRE(report.ok());
        CHECK(report.notices.size() == 1);
        CHECK(u.record("Liscate", "E-1987-031")->concession.expires_on == ymd(2116, 9, 2));
        UnionRegister later;
        CHECK(only_error(later.import({row({{"Scadenza", "03/09/2116"}})})).field == "Scadenza");
    }
    SECTION("a 99-year deed of 1945 renewed for 30 years, as an old register states it, is kept") {
        const auto report = u.import({row({{"Tipo", "Cappella"}, {"Data_Concessione", "03/03/1945"}, {"Durata_Anni", "99"},
                                           {"Scadenza", "03/03/2074"}, {"Defunto_Data_Morte", "01/03/1945"},
                                           {"Data_Sepoltura", "03/03/1945"}})});
        INFO(describe(report));
        REQUIRE(report.ok());
        CHECK(u.record("Liscate", "E-1987-031")->concession.expires_on == ymd(2074, 3, 3));
    }
}

TEST_CASE("a stated term longer than the longest period is refused under a version too", "[import][dates]") {
    UnionRegister u;
    const auto e = only_error(u.import({row({{"Data_Concessione", "10/01/2022"}, {"Durata_Anni", "150"},
                                             {"Defunto_Data_Morte", "08/01/2022"}, {"Data_Sepoltura", "12/01/2022"}})}));
    CHECK(e.field == "Durata_Anni");
    CHECK(e.value == "150");
}

TEST_CASE("a control character in a field is refused, shown escaped", "[import][text]") {
    struct Case {
        const char* column;
        std::string value;
        const char* shown;
    };
    const Case c = GENERATE(Case{"Defunto_Cognome", "Caz\x1b[31mzaniga", "Caz\\x1b[31mzaniga"},
                            Case{"Concessionario_Nome", std::string("El\0sa", 5), "El\\x00sa"},
                            Case{"Defunto_Nome", "Ercole\x07", "Ercole\\x07"},
                            Case{"Concessionario_Cognome", "Cazz\x7f" "aniga", "Cazz\\x7faniga"},
                            Case{"Numero_Concessione", "E-1987\x1b]2:x\x07", "E-1987\\x1b]2:x\\x07"},
                            Case{"Defunto_Cognome", "Cazzaniga\xC2\x9B" "2J", "Cazzaniga\\u009b2J"},
                            Case{"Defunto_Cognome", "Cazza\tniga", "Cazza\\x09niga"});
    CAPTURE(c.column, c.shown);
    UnionRegister u;
    const auto e = only_error(u.import({row({{c.column, c.value}})}));
    CHECK(e.line == 2);
    CHECK(e.field == c.column);
    CHECK(e.value == c.shown);
    CHECK_THAT(e.message, Catch::Contains("control character"));
    CHECK(u.concessions() == 0);
}

TEST_CASE("a line break inside a quoted address is kept", "[import][text]") {
    UnionRegister u;
    const auto report = u.import_text(
        "Comune;Tipo;Numero;Numero_Concessione;Data_Concessione;Durata_Anni;Concessionario_Cognome;"
        "Concessionario_Indirizzo\r\n"
        "Liscate;Loculo;14;E-1;02/09/1987;30;Cazzaniga;\"Via Roma 1\r\n20050 Liscate\"\r\n");
    INFO(describe(report));
    REQUIRE(report.ok());
    CHECK(u.record("Liscate", "E-1")->concession.holders.at(0).address == "Via Roma 1\r\n20050 Liscate");
}

TEST_CASE("a holder without a surname or a given name is refused", "[import]") {
    UnionRegister u;
    SECTION("only a tax code") {
        const auto e = only_error(u.import({row({{"Concessionario_Cognome", ""}, {"Concessionario_Nome", ""},
                                                 {"Concessionario_CF", "RSSMRA85T10A562S"}})}));
        CHECK(e.line == 2);
        CHECK(e.field == "Concessionario_Cognome");
        CHECK_THAT(e.message, Catch::Contains("name"));
    }
    SECTION("a given name alone is a name") {
        const auto report = u.import({row({{"Concessionario_Cognome", ""}})});
        INFO(describe(report));
        CHECK(report.ok());
    }
}

TEST_CASE("a deceased with dates and no name is refused", "[import]") {
    UnionRegister u;
    const auto e = only_error(u.import({row({{"Defunto_Cognome", ""}, {"Defunto_Nome", ""}})}));
    CHECK(e.line == 2);
    CHECK(e.field == "Defunto_Cognome");
}

TEST_CASE("a field longer than any name or address is refused", "[import][text]") {
    UnionRegister u;
    SECTION("a surname of 201 characters") {
        const auto e = only_error(u.import({row({{"Defunto_Cognome", std::string(200, 'a') + "è"}})}));
        CHECK(e.line == 2);
        CHECK(e.field == "Defunto_Cognome");
        CHECK_THAT(e.message, Catch::Contains("201 characters") && Catch::Contains("200"));
        CHECK(e.value.size() < 100);  // the start of it, not the whole
    }
    SECTION("a name of 200 characters, accented, is kept") {
        const auto report = u.import({row({{"Defunto_Cognome", std::string(150, 'a') + std::string(25, 'o') +
                                                                   [] { std::string s; for (int i = 0; i < 25; ++i) s += "ò"; return s; }()}})});
        INFO(describe(report));
        CHECK(report.ok());
    }
    SECTION("a deed number of a megabyte") {
        const auto e = only_error(u.import({row({{"Numero_Concessione", std::string(1000 * 1000, '7')}})}));
        CHECK(e.field == "Numero_Concessione");
    }
}

TEST_CASE("a directory or a file that cannot be read is refused naming it", "[import]") {
    test::TempDir dir;
    UnionRegister u;
    SECTION("a directory") {
        const auto report = u.import_file(dir.path());
        INFO(describe(report));
        REQUIRE(report.errors.size() == 1);
        CHECK_THAT(report.errors[0].message, Catch::Contains("directory"));
    }
    SECTION("a file that is not there") {
        const auto report = u.import_file(dir.file("manca.csv"));
        INFO(describe(report));
        REQUIRE(report.errors.size() == 1);
        CHECK_THAT(report.file, Catch::EndsWith("manca.csv"));
        CHECK_THAT(report.errors[0].message, Catch::Contains("No such file"));
    }
    CHECK(u.concessions() == 0);
}

TEST_CASE("today can be pinned, and a tolerance lets a burial some days ahead through", "[import][dates]") {
    const auto burial_ahead = row({{"Data_Concessione", "10/01/2022"}, {"Durata_Anni", ""},
                                   {"Defunto_Data_Morte", "08/01/2022"}, {"Data_Sepoltura", "12/01/2022"}});
    ImportOptions options;
    options.today = ymd(2022, 1, 10);
    SECTION("none: refused, naming the last day a date may be") {
        UnionRegister u;
        const auto e = only_error(u.import({burial_ahead}, options));
        CHECK(e.field == "Data_Sepoltura");
        CHECK(e.code == cemetery::ProblemCode::date_in_future);
        CHECK(e.detail == "10/01/2022");
        CHECK(e.message == "after today (10/01/2022): this date has not come yet");
    }
    SECTION("one day: still refused") {
        options.future_tolerance_days = 1;
        UnionRegister u;
        const auto e = only_error(u.import({burial_ahead}, options));
        CHECK(e.detail == "11/01/2022");
        CHECK_THAT(e.message, Catch::Contains("1 day of tolerance"));
    }
    SECTION("two days: accepted") {
        options.future_tolerance_days = 2;
        UnionRegister u;
        const auto report = u.import({burial_ahead}, options);
        INFO(describe(report));
        CHECK(report.ok());
        CHECK(u.concessions() == 1);
    }
}

TEST_CASE("the new problems of an import carry codes the programs translate", "[import]") {
    using cemetery::ProblemCode;
    UnionRegister u;
    CHECK(only_error(u.import({row({{"Scadenza", "01/09/1987"}})})).code == ProblemCode::expiry_before_start);
    CHECK(only_error(u.import({row({{"Scadenza", "02/09/2137"}})})).code == ProblemCode::expiry_too_far);
    CHECK(only_error(u.import({row({{"Scadenza", "02/09/2137"}})})).detail == "99");
    CHECK(only_error(u.import({row({{"Defunto_Nome", "E\x1b"}})})).code == ProblemCode::control_character);
    CHECK(only_error(u.import({row({{"Defunto_Nome", std::string(201, 'e')}})})).code == ProblemCode::too_long);
    CHECK(only_error(u.import({row({{"Defunto_Cognome", ""}, {"Defunto_Nome", ""}})})).code == ProblemCode::name_missing);
    const auto wide = u.import_text(std::string("\xFF\xFE" "C\0", 4));
    REQUIRE(wide.errors.size() == 1);
    CHECK(wide.errors[0].code == ProblemCode::wide_encoding);
    CHECK(wide.errors[0].detail == "UTF-16 (little-endian)");
    const auto mixed = u.import({row({{"Defunto_Nome", "Viganò"}}),
                                 row({{"Numero", "15"}, {"Numero_Concessione", "E-2"}, {"Defunto_Nome", "Vigan\xF2"}})});
    REQUIRE(mixed.errors.size() == 2);
    CHECK(mixed.errors[0].line == 0);
    CHECK(mixed.errors[0].code == ProblemCode::mixed_encoding);
    CHECK(mixed.errors[0].detail == "UTF-8");
    CHECK(mixed.errors[1].line == 3);
    CHECK(mixed.errors[1].code == ProblemCode::line_not_utf8);
    CHECK_THAT(mixed.errors[1].value, Catch::Contains(";Viganò;12/12/1901"));  // read as Windows-1252
}

// --- The order of rows never changes a result (issue 18) ----------------------------

namespace {

// A Truccazzano family tomb signed on 10/03/2005 under "Truccazzano 2001" (30 years,
// the term restarting at a later burial), one row per deceased. Ada is buried the
// day the deed is signed; Bruno in 2012 and Carla in 2018 start the term again.
Cells truccazzano_tomb(const std::string& given, const std::string& born, const std::string& died,
                       const std::string& buried) {
    return Cells{{"Comune", "Truccazzano"},      {"Tipo", "Tomba di famiglia"}, {"Settore", "T"},
                 {"Fila", ""},                   {"Numero", "5"},               {"Piano", ""},
                 {"Numero_Concessione", "T-2005-001"}, {"Data_Concessione", "10/03/2005"}, {"Durata_Anni", ""},
                 {"Concessionario_Cognome", "Brambilla"}, {"Concessionario_Nome", "Carlo"},
                 {"Defunto_Cognome", "Brambilla"}, {"Defunto_Nome", given}, {"Defunto_Data_Nascita", born},
                 {"Defunto_Data_Morte", died},   {"Data_Sepoltura", buried}};
}

const Cells ada = truccazzano_tomb("Ada", "01/01/1930", "08/03/2005", "10/03/2005");
const Cells bruno = truccazzano_tomb("Bruno", "01/01/1932", "02/05/2012", "05/05/2012");
const Cells carla = truccazzano_tomb("Carla", "01/01/1935", "28/08/2018", "01/09/2018");

// Every order of the rows: [0, 1, 2], [0, 2, 1], ... [2, 1, 0].
std::vector<std::vector<std::string>> every_order(std::vector<std::string> rows) {
    std::vector<std::size_t> order(rows.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::vector<std::vector<std::string>> out;
    do {
        std::vector<std::string> these;
        for (const std::size_t i : order) these.push_back(rows[i]);
        out.push_back(std::move(these));
    } while (std::next_permutation(order.begin(), order.end()));
    return out;
}

// What the register holds of a concession that the order of its rows could change:
// its term, its deceased in the order the register lists them, its holders, and
// the terms its burials restarted, as `cemetery show` and `history` print them.
struct Held {
    cemetery::Date term_start{};
    std::optional<cemetery::Date> expires_on;
    cemetery::TermSource source = cemetery::TermSource::deed;
    std::vector<std::string> deceased;
    std::vector<std::string> holders;
    std::vector<std::string> restarts;
    friend bool operator==(const Held&, const Held&) = default;
};

std::ostream& operator<<(std::ostream& out, const Held& h) {
    out << "term " << cemetery::to_iso(h.term_start) << " to "
        << (h.expires_on ? cemetery::to_iso(*h.expires_on) : "-") << "; deceased " << cemetery::join(h.deceased, ", ")
        << "; holders " << cemetery::join(h.holders, ", ") << "; restarts " << cemetery::join(h.restarts, " | ");
    return out;
}

Held held(const cemetery::Register& reg, const std::string& comune, const std::string& deed) {
    const auto c = reg.find_comune(comune);
    REQUIRE(c);
    const auto id = reg.find_concession(c->id, deed);
    REQUIRE(id);
    const auto record = reg.record(*id);
    REQUIRE(record);
    Held h;
    h.term_start = record->concession.term_start;
    h.expires_on = record->concession.expires_on;
    h.source = record->concession.term_source;
    for (const auto& d : record->concession.deceased) {
        h.deceased.push_back(d.full_name() + " " + (d.buried_on ? cemetery::to_iso(*d.buried_on) : "?"));
    }
    for (const auto& p : record->concession.holders) h.holders.push_back(p.surname + " " + p.given_name);
    for (const auto& r : reg.life(*id).restarts) {
        h.restarts.push_back(cemetery::to_iso(r.buried_on) + " " + r.deceased + ": " +
                             cemetery::to_iso(r.previous_start) + "/" + (r.previous_expiry ? cemetery::to_iso(*r.previous_expiry) : "") + " -> " +
                             cemetery::to_iso(r.new_start) + "/" + cemetery::to_iso(r.new_expiry) + " " +
                             r.version_name);
    }
    return h;
}

}  // namespace

TEST_CASE("a Truccazzano family tomb gets one term, expiry and history from its rows in every order",
          "[import][restart]") {
    std::optional<Held> first;
    for (const auto& rows : every_order({row(ada), row(bruno), row(carla)})) {
        UnionRegister u;
        const auto report = u.import(rows);
        INFO(describe(report) << cemetery::join(rows, "\n"));
        REQUIRE(report.ok());
        CHECK(report.notices.empty());
        const Held h = held(u.reg, "Truccazzano", "T-2005-001");
        INFO(h);
        // 2005 + 30 years, restarted at Bruno's burial (to 2042) and at Carla's (to 2048).
        CHECK(h.term_start == ymd(2018, 9, 1));
        CHECK(h.expires_on == ymd(2048, 9, 1));
        CHECK(h.deceased == std::vector<std::string>{"Brambilla Ada 2005-03-10", "Brambilla Bruno 2012-05-05",
                                                     "Brambilla Carla 2018-09-01"});
        CHECK(h.restarts ==
              std::vector<std::string>{
                  "2012-05-05 Brambilla Bruno: 2005-03-10/2035-03-10 -> 2012-05-05/2042-05-05 Truccazzano 2001",
                  "2018-09-01 Brambilla Carla: 2012-05-05/2042-05-05 -> 2018-09-01/2048-09-01 Truccazzano 2001"});
        if (!first) first = h;
        CHECK(h == *first);
        CHECK(u.reg.verify().ok());
    }
}

TEST_CASE("an import reaches the term that bury reaches, burial by burial", "[import][restart]") {
    UnionRegister imported;
    REQUIRE(imported.import({row(carla), row(ada), row(bruno)}).ok());

    UnionRegister buried;
    REQUIRE(buried.import({row(ada)}).ok());
    const auto id = buried.reg.find_concession(buried.reg.find_comune("Truccazzano")->id, "T-2005-001");
    REQUIRE(id);
    for (const auto& [given, born, died, on] :
         {std::tuple{"Bruno", ymd(1932, 1, 1), ymd(2012, 5, 2), ymd(2012, 5, 5)},
          std::tuple{"Carla", ymd(1935, 1, 1), ymd(2018, 8, 28), ymd(2018, 9, 1)}}) {
        cemetery::BurialRequest request;
        request.deceased.surname = "Brambilla";
        request.deceased.given_name = given;
        request.deceased.born_on = born;
        request.deceased.died_on = died;
        request.deceased.buried_on = on;
        const auto outcome = buried.reg.bury(*id, request, test::shipped_regulation());
        INFO(outcome.reason());
        REQUIRE(outcome);
    }
    CHECK(held(imported.reg, "Truccazzano", "T-2005-001") == held(buried.reg, "Truccazzano", "T-2005-001"));
}

TEST_CASE("a term that starts at the burial starts at the earliest one, whatever the order of the rows",
          "[import][restart]") {
    // The shipped rules, but Truccazzano's family tombs counted from the burial: the
    // first row read used to decide the term start.
    std::ifstream in(test::shipped_regulation_path());
    std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    const auto tomb = text.find("[versione.tipi.tomba_famiglia]");
    REQUIRE(tomb != std::string::npos);
    const std::string signing = "decorrenza = \"stipula\"";
    const auto at = text.find(signing, tomb);
    REQUIRE(at != std::string::npos);
    text.replace(at, signing.size(), "decorrenza = \"sepoltura\"");
    const auto load = cemetery::parse_regulation(text, "regolamento.toml");
    REQUIRE(load.regulation);
    const cemetery::Regulation& rules = *load.regulation;

    std::vector<Held> seen;
    for (const auto& rows : every_order({row(ada), row(bruno), row(carla)})) {
        UnionRegister u;
        const auto report = cemetery::import_register_text(u.reg, rules, file_of(rows), "registro.csv");
        INFO(describe(report));
        REQUIRE(report.ok());
        seen.push_back(held(u.reg, "Truccazzano", "T-2005-001"));
    }
    for (const Held& h : seen) {
        INFO(h);
        CHECK(h == seen.front());
        // From Ada's burial (the day the deed was signed), restarted at Bruno's and at Carla's.
        CHECK(h.term_start == ymd(2018, 9, 1));
        CHECK(h.expires_on == ymd(2048, 9, 1));
        REQUIRE(h.restarts.size() == 2);
        CHECK_THAT(h.restarts[0], Catch::StartsWith("2012-05-05 Brambilla Bruno: 2005-03-10/2035-03-10"));
    }
}

TEST_CASE("a stated expiry is compared with the term the burials reached, whatever the order", "[import][restart]") {
    auto stating = [](Cells cells, const std::string& expiry) {
        cells["Scadenza"] = expiry;
        return row(cells);
    };
    SECTION("the expiry the restarts reach: no warning, the restarts kept") {
        for (const auto& rows : every_order({stating(ada, "01/09/2048"), stating(bruno, "01/09/2048"),
                                             stating(carla, "01/09/2048")})) {
            UnionRegister u;
            const auto report = u.import(rows);
            INFO(describe(report));
            REQUIRE(report.ok());
            CHECK(report.notices.empty());
            const Held h = held(u.reg, "Truccazzano", "T-2005-001");
            CHECK(h.expires_on == ymd(2048, 9, 1));
            CHECK(h.term_start == ymd(2018, 9, 1));
            CHECK(h.source == cemetery::TermSource::regulation);
            CHECK(h.restarts.size() == 2);
        }
    }
    SECTION("an expiry of the register's own: kept, with one warning naming the term the burials reached") {
        std::optional<Held> first;
        for (const auto& rows : every_order({stating(ada, "10/03/2035"), stating(bruno, "10/03/2035"),
                                             stating(carla, "10/03/2035")})) {
            UnionRegister u;
            const auto report = u.import(rows);
            INFO(describe(report));
            REQUIRE(report.ok());
            REQUIRE(report.notices.size() == 1);
            CHECK(report.notices[0].line == 2);
            CHECK(report.notices[0].code == cemetery::ProblemCode::stated_expiry_kept);
            CHECK(report.notices[0].detail == "01/09/2048");
            CHECK_THAT(report.notices[0].message, Catch::Contains("2018-09-01 + 30 years gives 2048-09-01"));
            const Held h = held(u.reg, "Truccazzano", "T-2005-001");
            INFO(h);
            CHECK(h.expires_on == ymd(2035, 3, 10));
            CHECK(h.term_start == ymd(2005, 3, 10));
            CHECK(h.source == cemetery::TermSource::stated_expiry);
            CHECK(h.restarts.empty());
            if (!first) first = h;
            CHECK(h == *first);
        }
    }
}

TEST_CASE("the same file again, its rows in another order, leaves the register as it was", "[import][restart]") {
    UnionRegister u;
    REQUIRE(u.import({row(ada), row(bruno), row(carla)}).ok());
    const Held before = held(u.reg, "Truccazzano", "T-2005-001");
    REQUIRE(before.expires_on == ymd(2048, 9, 1));
    REQUIRE(before.restarts.size() == 2);
    const auto log_before = u.reg.change_log_size();
    for (const auto& rows : every_order({row(ada), row(bruno), row(carla)})) {
        const auto again = u.import(rows);
        INFO(describe(again));
        CHECK(again.ok());
        CHECK(again.concessions_added == 0);
        CHECK(again.deceased_added == 0);
        CHECK_FALSE(again.committed);
    }
    CHECK(held(u.reg, "Truccazzano", "T-2005-001") == before);
    CHECK(u.reg.change_log_size() == log_before);

    SECTION("a later export with one more burial restarts the term as bury does") {
        UnionRegister two;
        REQUIRE(two.import({row(bruno), row(ada)}).ok());
        const auto more = two.import({row(carla), row(ada), row(bruno)});
        INFO(describe(more));
        REQUIRE(more.ok());
        CHECK(more.deceased_added == 1);
        CHECK(held(two.reg, "Truccazzano", "T-2005-001") == before);
        CHECK(two.reg.verify().ok());
    }
}

TEST_CASE("one deceased on two rows with two burial dates is refused, whatever the order", "[import][restart]") {
    auto bruno_again = bruno;
    bruno_again["Data_Sepoltura"] = "06/05/2012";
    bruno_again["Concessionario_Nome"] = "Dario";  // a co-holder's row repeats the deceased
    for (const auto& rows : every_order({row(ada), row(bruno), row(bruno_again)})) {
        UnionRegister u;
        const auto report = u.import(rows);
        INFO(describe(report));
        const auto e = only_error(report);
        CHECK(e.code == cemetery::ProblemCode::deceased_differs_in_file);
        CHECK(e.field == "Data_Sepoltura");
        CHECK(u.concessions() == 0);
    }
    SECTION("the same day on both rows is one burial") {
        auto co_holder = bruno;
        co_holder["Concessionario_Nome"] = "Dario";
        UnionRegister u;
        const auto report = u.import({row(co_holder), row(ada), row(bruno)});
        INFO(describe(report));
        REQUIRE(report.ok());
        const Held h = held(u.reg, "Truccazzano", "T-2005-001");
        CHECK(h.deceased.size() == 2);
        CHECK(h.restarts.size() == 1);
        CHECK(h.expires_on == ymd(2042, 5, 5));
    }
}

TEST_CASE("a tomb whose term runs from the death and is extended at every burial gets one term in every order",
          "[import][restart][extension]") {
    // Liscate's family tombs under the small regulation: 40 years from the death of
    // the first buried, extended at every burial. Ada is buried the day after the deed,
    // Carla in 2022, Bruno in 2025: the term reaches Bruno's burial plus 40 years.
    auto tomb = [](const std::string& given, const std::string& died, const std::string& buried) {
        return Cells{{"Comune", "Liscate"},        {"Tipo", "Tomba di famiglia"},     {"Settore", "P"},
                     {"Fila", ""},                 {"Numero", "7"},                   {"Piano", ""},
                     {"Numero_Concessione", "P-2021-001"}, {"Data_Concessione", "10/03/2020"}, {"Durata_Anni", ""},
                     {"Concessionario_Cognome", "Brambilla"}, {"Concessionario_Nome", "Carlo"},
                     {"Defunto_Cognome", "Brambilla"}, {"Defunto_Nome", given}, {"Defunto_Data_Nascita", "01/01/1930"},
                     {"Defunto_Data_Morte", died}, {"Data_Sepoltura", buried}};
    };
    const auto rows_ada = row(tomb("Ada", "08/03/2020", "11/03/2020"));
    const auto rows_bruno = row(tomb("Bruno", "02/05/2025", "05/05/2025"));
    const auto rows_carla = row(tomb("Carla", "28/08/2022", "01/09/2022"));
    std::vector<Held> seen;
    for (const auto& rows : every_order({rows_ada, rows_bruno, rows_carla})) {
        UnionRegister u;
        const auto report =
            cemetery::import_register_text(u.reg, test::term_start_regulation(), file_of(rows), "registro.csv");
        INFO(describe(report) << cemetery::join(rows, "\n"));
        REQUIRE(report.ok());
        seen.push_back(held(u.reg, "Liscate", "P-2021-001"));
        CHECK(u.reg.verify().ok());
    }
    for (const Held& h : seen) {
        INFO(h);
        CHECK(h == seen.front());
        CHECK(h.term_start == ymd(2025, 5, 5));
        CHECK(h.expires_on == ymd(2065, 5, 5));
        REQUIRE_FALSE(h.restarts.empty());
        CHECK_THAT(h.restarts.back(), Catch::StartsWith("2025-05-05 Brambilla Bruno:") &&
                                          Catch::Contains("-> 2025-05-05/2065-05-05 Prova 2020"));
    }

    // The same burials recorded one by one reach the same term.
    UnionRegister buried;
    REQUIRE(cemetery::import_register_text(buried.reg, test::term_start_regulation(), file_of({rows_ada}), "registro.csv")
                .ok());
    const auto id = buried.reg.find_concession(buried.reg.find_comune("Liscate")->id, "P-2021-001");
    REQUIRE(id);
    for (const auto& [given, died, on] : {std::tuple{"Carla", ymd(2022, 8, 28), ymd(2022, 9, 1)},
                                          std::tuple{"Bruno", ymd(2025, 5, 2), ymd(2025, 5, 5)}}) {
        cemetery::BurialRequest request;
        request.deceased.surname = "Brambilla";
        request.deceased.given_name = given;
        request.deceased.born_on = ymd(1930, 1, 1);
        request.deceased.died_on = died;
        request.deceased.buried_on = on;
        request.today = on;
        const auto outcome = buried.reg.bury(*id, request, test::term_start_regulation());
        INFO(outcome.reason());
        REQUIRE(outcome);
    }
    const auto one_by_one = held(buried.reg, "Liscate", "P-2021-001");
    CHECK(one_by_one.term_start == seen.front().term_start);
    CHECK(one_by_one.expires_on == seen.front().expires_on);
}
