// Runs the store contract suite against SqliteStore.
#include "store/sqlite/sqlite_store.hpp"
#include "unit/store/store_fixture.hpp"

namespace tradelink::store::test {
namespace {

std::unique_ptr<Store> make_sqlite_store(std::filesystem::path const& directory) {
  auto store = SqliteStore::open(directory / "tradelink.db");
  if (!store) {
    ADD_FAILURE() << store.error().code << ": " << store.error().message;
    return nullptr;
  }
  return std::move(*store);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreContract,
                         testing::Values(StoreFactory{"Sqlite", make_sqlite_store}), factory_name);

}  // namespace
}  // namespace tradelink::store::test
