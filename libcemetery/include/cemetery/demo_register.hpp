#pragma once
// Demo data: a register export (the CSV an older program would hand over) invented
// for the Union's comuni, realistic enough to show the programs and to load-test the
// import. Every row is one the importer accepts under the regulation it is made for.
//
// What it contains: Lombard names with their accents and apostrophes (Pèrego, D'Adda,
// Dell'Orto), every plot kind at plausible places, deeds numbered per comune
// ("L-1987-031"), perpetual deeds only up to the regulation's cut-off, legacy deeds
// (signed before any version of the regulation) stating their own term, deeds under a
// version leaving the term to it, a few legacy renewals with their own Scadenza,
// family tombs and chapels with several deceased on several rows of one deed, some
// concessions with nobody buried yet, holders with a valid codice fiscale for most.
// Each place (cemetery + location) carries at most one deed, so nothing overlaps.
//
// Reproducible everywhere: its own pseudo-random generator (xoshiro256**, seeded by
// splitmix64) and its own bounded draws, no floating point, no std distributions.

#include <cemetery/dates.hpp>
#include <cemetery/regulation.hpp>
#include <cemetery/union_data.hpp>

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <vector>

namespace cemetery {

struct DemoOptions {
    std::uint64_t seed = 2020;
    std::size_t concessions = 12000;  // total, spread over the comuni (a few thousand each by default)
    int synthetic_comuni = 0;         // extra invented comuni for benchmarks (see synthetic_comuni())
    Date today{};                     // the "now" the data is made around; not ok() (the default): today()
};

struct DemoStats {
    std::size_t rows = 0;         // data rows written (the header not counted)
    std::size_t concessions = 0;  // deeds written
    std::size_t deceased = 0;     // rows with a deceased
};

// The synthetic comuni to add to the register before importing, so the import finds
// them: "Comune sintetico 001", ISTAT "900001", cadastral "Z001" (then "Y001" past
// 999), member from 2016-01-01, one cemetery named like the comune. No version of
// the regulation names them, so all their deeds are legacy deeds stating their term.
// Empty when count <= 0; throws std::invalid_argument over 25,000.
[[nodiscard]] std::vector<UnionComune> synthetic_comuni(int count);

// Writes a register export (header + rows, UTF-8, ';' separator, CRLF, dates
// dd/mm/yyyy) for data's comuni plus options.synthetic_comuni invented ones, with
// options.concessions deeds in all: shared by population among the real comuni,
// evenly when synthetic ones are added. Same options, regulation and data: the same
// bytes. Throws std::runtime_error if the regulation leaves a comune no day on which a
// deed can be signed.
DemoStats write_demo_register(std::ostream& out, const Regulation& regulation, const UnionData& data,
                              const DemoOptions& options);

}  // namespace cemetery
