#include "modules/attendance/model.h"

#include "nlohmann/json.hpp"

namespace mdsc::attendance {

nlohmann::json to_json(const Attendance& a) { return entity::to_json(a); }

using entity::Table, entity::field, entity::columns, entity::enum_field;

// Any mark may be corrected to any other (a late arrival excused, a mistaken absence undone).
const States<Mark>& states_of(Mark) {
  using M = Mark;
  static const States<M> t{{{M::present, "present"}, {M::late, "late"}, {M::absent, "absent"}, {M::excused, "excused"}},
                           {{M::present, M::late},
                            {M::present, M::absent},
                            {M::present, M::excused},
                            {M::late, M::present},
                            {M::late, M::absent},
                            {M::late, M::excused},
                            {M::absent, M::present},
                            {M::absent, M::late},
                            {M::absent, M::excused},
                            {M::excused, M::present},
                            {M::excused, M::late},
                            {M::excused, M::absent}}};
  return t;
}

const States<Review>& states_of(Review) {
  using R = Review;
  static const States<R> t{
      {{R::none, ""}, {R::pending, "pending"}, {R::accepted, "accepted"}, {R::rejected, "rejected"}},
      {{R::none, R::pending}, {R::pending, R::accepted}, {R::pending, R::rejected}}};
  return t;
}

const entity::Table<Attendance>& Attendance::table() {
  using A = Attendance;
  static const Table<A> t{
      "attendance",
      {field<&A::id>().key(), columns<&A::session_id, &A::user_id>(), enum_field<&A::status>("status"),
       field<&A::method>(), field<&A::checked_in_at>().nullable().instant(), field<&A::device_id>().nullable().hidden(),
       field<&A::flag>(), enum_field<&A::review>("review"), columns<&A::review_reason, &A::reason>(),
       field<&A::marked_by>().nullable(), field<&A::updated_at>().instant().not_audited()}};
  return t;
}

}  // namespace mdsc::attendance
