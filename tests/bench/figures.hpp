#pragma once
// The benchmark's one table: what was measured, its median and 95th percentile,
// the sqlite3 reference where there is one, the ratio, and the target met or not.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace bench {

[[nodiscard]] double median(std::vector<double> values);
[[nodiscard]] double percentile(std::vector<double> values, double p);  // nearest rank, p in (0, 100]

struct Figure {
    std::string operation;
    std::string unit = "ms";              // of median, p95 and reference
    double median = 0;
    double p95 = 0;
    std::optional<double> reference;      // the sqlite3 shell doing the same, same unit
    std::optional<double> ratio;          // ours / reference
    std::string target;
    bool met = false;
    std::string note;                     // runs, rows, peak memory...
};

// Median and p95 of samples, in the figure's unit.
Figure figure_of(std::string operation, const std::vector<double>& samples);

void print_table(std::ostream& out, const std::vector<Figure>& figures);

}  // namespace bench
