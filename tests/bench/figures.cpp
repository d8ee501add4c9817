#include "figures.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace bench {

double median(std::vector<double> values) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) return 0;
    std::sort(values.begin(), values.end());
    auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
    rank = std::clamp<std::size_t>(rank, 1, values.size());
    return values[rank - 1];
}

Figure figure_of(std::string operation, const std::vector<double>& samples) {
    Figure f;
    f.operation = std::move(operation);
    f.median = median(samples);
    f.p95 = percentile(samples, 95);
    return f;
}

namespace {

std::string number(double v, const std::string& unit) {
    char buffer[64];
    if (unit == "ms" && v < 10) {
        std::snprintf(buffer, sizeof buffer, "%.2f %s", v, unit.c_str());
    } else if (v < 100) {
        std::snprintf(buffer, sizeof buffer, "%.1f %s", v, unit.c_str());
    } else {
        std::snprintf(buffer, sizeof buffer, "%.0f %s", v, unit.c_str());
    }
    return buffer;
}

}  // namespace

void print_table(std::ostream& out, const std::vector<Figure>& figures) {
    out << "| operation | median | p95 | sqlite3 | ratio | target | met | notes |\n"
        << "|---|---|---|---|---|---|---|---|\n";
    for (const auto& f : figures) {
        char ratio[32] = "";
        if (f.ratio) std::snprintf(ratio, sizeof ratio, "%.2f×", *f.ratio);
        out << "| " << f.operation << " | " << number(f.median, f.unit) << " | " << number(f.p95, f.unit) << " | "
            << (f.reference ? number(*f.reference, f.unit) : "") << " | " << ratio << " | " << f.target << " | "
            << (f.met ? "✓" : "✗ not met") << " | " << f.note << " |\n";
    }
}

}  // namespace bench
