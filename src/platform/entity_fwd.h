#pragma once

// For an entity's header: it declares `static const entity::Table<T>& table();` without the
// field machinery (platform/entity.h), which only its model.cpp and the generic code need.
namespace mdsc::entity {
template <typename T>
struct Table;
}  // namespace mdsc::entity
