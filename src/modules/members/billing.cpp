#include <atomic>

#include "modules/members.h"

namespace mdsc::members {
namespace {
std::atomic<Billing> provider{nullptr};
}  // namespace

void provide_billing(Billing billing) { provider.store(billing); }

std::vector<BilledInvoice> billed(db::Conn& c, const BillingQuery& q) {
  auto fn = provider.load();
  return fn ? fn(c, q) : std::vector<BilledInvoice>{};
}

}  // namespace mdsc::members
