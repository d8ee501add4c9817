#pragma once
// One transaction on a PostgreSQL connection: BEGIN in the constructor, COMMIT by
// commit(), ROLLBACK by the destructor when commit() was not reached (an
// exception on the way). Every write to the register is one of these.

#include "storage/postgresql/connection.hpp"

namespace cemetery::storage::postgresql {

class Transaction {
public:
    explicit Transaction(Connection& connection);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Connection& connection_;
    bool open_ = true;
};

}  // namespace cemetery::storage::postgresql
