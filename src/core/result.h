#pragma once
// Expected failures are values: a Status carries a code, a message id from the i18n catalogues,
// arguments for it, and per-field errors for forms. Bugs stay exceptions.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace mdsc {

enum class Code {
  ok,
  invalid,        // 400/422: bad input, fields say which
  unauthorized,   // 401: not logged in
  forbidden,      // 403
  not_found,      // 404
  conflict,       // 409: duplicates, stale state
  too_many,       // 429: throttled
  too_large,      // 413
  unavailable,    // 503
  internal,       // 500
};

int http_status(Code code);
const char* code_name(Code code);

struct FieldError {
  std::string message_id;
  std::map<std::string, std::string> args;
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Code code, std::string message_id, std::map<std::string, std::string> args = {})
      : code_(code), message_id_(std::move(message_id)), args_(std::move(args)) {}

  static Status ok() { return {}; }
  static Status invalid(std::string message_id = "error.invalid_input") {
    return {Code::invalid, std::move(message_id)};
  }
  static Status not_found() { return {Code::not_found, "error.not_found"}; }
  static Status forbidden() { return {Code::forbidden, "error.forbidden"}; }
  static Status conflict(std::string message_id) { return {Code::conflict, std::move(message_id)}; }

  bool is_ok() const { return code_ == Code::ok; }
  explicit operator bool() const { return is_ok(); }
  Code code() const { return code_; }
  const std::string& message_id() const { return message_id_; }
  const std::map<std::string, std::string>& args() const { return args_; }
  const std::map<std::string, FieldError>& fields() const { return fields_; }

  Status& field(const std::string& name, std::string message_id,
                std::map<std::string, std::string> args = {}) {
    if (code_ == Code::ok) {
      code_ = Code::invalid;
      message_id_ = "error.invalid_input";
    }
    fields_.emplace(name, FieldError{std::move(message_id), std::move(args)});
    return *this;
  }
  Status& arg(const std::string& key, std::string value) {
    args_[key] = std::move(value);
    return *this;
  }

 private:
  Code code_ = Code::ok;
  std::string message_id_;
  std::map<std::string, std::string> args_;
  std::map<std::string, FieldError> fields_;
};

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Status status) : v_(std::move(status)) {}

  bool is_ok() const { return std::holds_alternative<T>(v_); }
  explicit operator bool() const { return is_ok(); }
  T& value() { return std::get<T>(v_); }
  const T& value() const { return std::get<T>(v_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const Status& status() const {
    static const Status ok_status;
    return is_ok() ? ok_status : std::get<Status>(v_);
  }

 private:
  std::variant<T, Status> v_;
};

}  // namespace mdsc
