#include "storage/postgresql/transaction.hpp"

namespace cemetery::storage::postgresql {

Transaction::Transaction(Connection& connection) : connection_(connection) { connection_.exec("BEGIN"); }

Transaction::~Transaction() {
    if (!open_) return;
    try {
        connection_.exec("ROLLBACK");
    } catch (...) {
        // A lost connection has rolled back on the server already.
    }
}

void Transaction::commit() {
    connection_.exec("COMMIT");
    open_ = false;
}

}  // namespace cemetery::storage::postgresql
