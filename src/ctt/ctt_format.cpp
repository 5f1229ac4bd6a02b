#include "ctt/ctt_format.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <fstream>
#include <sstream>
#include <unordered_map>
#include <unordered_set>

namespace mdsc::ctt {
namespace {

struct Token {
  std::string_view text;
  int line;
};

std::vector<Token> tokenize(std::string_view text) {
  std::vector<Token> out;
  int line = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    char ch = text[i];
    if (ch == '\n') {
      ++line;
      ++i;
    } else if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f' || ch == '\v') {
      ++i;
    } else {
      std::size_t j = i;
      while (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) ++j;
      out.push_back({text.substr(i, j - i), line});
      i = j;
    }
  }
  return out;
}

// Thrown inside the parser only, turned into a ParseError at its boundary.
struct Failure {
  int line;
  std::string message;
};

class TokenReader {
 public:
  explicit TokenReader(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  bool at_end() const { return pos_ >= tokens_.size(); }
  int line() const { return at_end() ? last_line() : tokens_[pos_].line; }

  const Token& next(std::string_view what) {
    if (at_end())
      throw Failure{last_line(), "the file ends where " + std::string(what) + " was expected"};
    return tokens_[pos_++];
  }
  std::string word(std::string_view what) { return std::string(next(what).text); }

  void expect(std::string_view keyword) {
    const Token& t = next("'" + std::string(keyword) + "'");
    if (t.text != keyword)
      throw Failure{t.line, "expected '" + std::string(keyword) + "', found '" + std::string(t.text) + "'"};
  }

  int number(std::string_view what, int min_value = 0) {
    const Token& t = next(what);
    int v = 0;
    auto [ptr, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), v);
    if (ec != std::errc() || ptr != t.text.data() + t.text.size())
      throw Failure{t.line, std::string(what) + " must be a whole number, found '" + std::string(t.text) + "'"};
    if (v < min_value)
      throw Failure{t.line, std::string(what) + " must be at least " + std::to_string(min_value) +
                                ", found " + std::to_string(v)};
    return v;
  }

 private:
  int last_line() const { return tokens_.empty() ? 1 : tokens_.back().line; }
  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
};

// An instance file section by section: the header with its counts, then courses, rooms,
// curricula and unavailability constraints, each checked against what came before.
class InstanceParser {
 public:
  explicit InstanceParser(TokenReader& in) : in_(in) {}

  Instance parse() {
    header();
    courses();
    rooms();
    curricula();
    inst_.index_teachers();
    constraints();
    in_.expect("END.");
    if (!in_.at_end()) throw Failure{in_.line(), "unexpected text after END."};
    return std::move(inst_);
  }

 private:
  void header() {
    in_.expect("Name:");
    inst_.name = in_.word("the instance name");
    in_.expect("Courses:");
    n_courses_ = in_.number("the number of courses");
    in_.expect("Rooms:");
    n_rooms_ = in_.number("the number of rooms");
    in_.expect("Days:");
    inst_.days = in_.number("the number of days", 1);
    in_.expect("Periods_per_day:");
    const int line = in_.line();
    inst_.periods_per_day = in_.number("the number of periods per day", 1);
    if (inst_.periods_per_day > kMaxPeriodsPerDay)
      throw Failure{line, "at most " + std::to_string(kMaxPeriodsPerDay) + " periods per day are supported"};
    if (static_cast<long long>(inst_.days) * inst_.periods_per_day > 100000)
      throw Failure{line, "too many periods in the week"};
    in_.expect("Curricula:");
    n_curricula_ = in_.number("the number of curricula");
    in_.expect("Constraints:");
    n_constraints_ = in_.number("the number of constraints");
  }

  void courses() {
    in_.expect("COURSES:");
    for (int i = 0; i < n_courses_; ++i) {
      Course c;
      const Token& name = in_.next("a course name");
      c.name = std::string(name.text);
      c.teacher = in_.word("the teacher of course " + c.name);
      c.lectures = in_.number("the number of lectures of course " + c.name);
      c.min_working_days = in_.number("the minimum working days of course " + c.name);
      c.students = in_.number("the number of students of course " + c.name);
      if (!course_of_.emplace(name.text, i).second) throw Failure{name.line, "course " + c.name + " is listed twice"};
      inst_.courses.push_back(std::move(c));
    }
  }

  void rooms() {
    in_.expect("ROOMS:");
    std::unordered_set<std::string_view> names;
    for (int i = 0; i < n_rooms_; ++i) {
      const Token& name = in_.next("a room name");
      Room r{std::string(name.text), 0};
      r.capacity = in_.number("the capacity of room " + r.name);
      if (!names.insert(name.text).second) throw Failure{name.line, "room " + r.name + " is listed twice"};
      inst_.rooms.push_back(std::move(r));
    }
  }

  void curricula() {
    in_.expect("CURRICULA:");
    std::unordered_set<std::string_view> names;
    for (int i = 0; i < n_curricula_; ++i) {
      const Token& name = in_.next("a curriculum name");
      Curriculum q{std::string(name.text), {}};
      if (!names.insert(name.text).second) throw Failure{name.line, "curriculum " + q.name + " is listed twice"};
      const int n = in_.number("the number of courses of curriculum " + q.name);
      for (int k = 0; k < n; ++k) {
        const Token& t = in_.next("a course of curriculum " + q.name);
        const int c = course_at(t);
        if (std::find(q.courses.begin(), q.courses.end(), c) != q.courses.end())
          throw Failure{t.line, "course " + std::string(t.text) + " appears twice in curriculum " + q.name};
        q.courses.push_back(c);
      }
      inst_.curricula.push_back(std::move(q));
    }
  }

  void constraints() {
    in_.expect("UNAVAILABILITY_CONSTRAINTS:");
    for (int i = 0; i < n_constraints_; ++i) {
      const Token& t = in_.next("a course name (unavailability constraint)");
      const int c = course_at(t);
      const int day = in_.number("the day of an unavailability constraint");
      const int slot = in_.number("the period of an unavailability constraint");
      if (day >= inst_.days)
        throw Failure{t.line, "day " + std::to_string(day) + " is out of range (days are 0 to " +
                                  std::to_string(inst_.days - 1) + ")"};
      if (slot >= inst_.periods_per_day)
        throw Failure{t.line, "period " + std::to_string(slot) + " is out of range (periods are 0 to " +
                                  std::to_string(inst_.periods_per_day - 1) + ")"};
      inst_.unavailable[static_cast<std::size_t>(c) * inst_.periods() + day * inst_.periods_per_day + slot] = 1;
    }
  }

  int course_at(const Token& t) const {
    auto it = course_of_.find(t.text);
    if (it == course_of_.end()) throw Failure{t.line, "unknown course '" + std::string(t.text) + "'"};
    return it->second;
  }

  TokenReader& in_;
  Instance inst_;
  int n_courses_ = 0, n_rooms_ = 0, n_curricula_ = 0, n_constraints_ = 0;
  std::unordered_map<std::string_view, int> course_of_;
};

Instance parse_instance_tokens(TokenReader& in) { return InstanceParser(in).parse(); }

}  // namespace

std::string ParseError::to_string() const {
  return line > 0 ? "line " + std::to_string(line) + ": " + message : message;
}

InstanceParse parse_ctt(std::string_view text) {
  TokenReader in(tokenize(text));
  try {
    return {parse_instance_tokens(in), {}};
  } catch (const Failure& f) {
    return {std::nullopt, ParseError{f.line, f.message}};
  }
}

SolutionParse parse_solution(const Instance& inst, std::string_view text) {
  SolutionParse out;
  Solution sol;
  std::vector<std::uint8_t> seen(inst.courses.size() * static_cast<std::size_t>(inst.periods()), 0);
  std::unordered_map<std::string_view, int> course_of, room_of;
  for (std::size_t i = 0; i < inst.courses.size(); ++i) course_of.emplace(inst.courses[i].name, int(i));
  for (std::size_t i = 0; i < inst.rooms.size(); ++i) room_of.emplace(inst.rooms[i].name, int(i));

  int line_no = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    auto tokens = tokenize(line);
    if (tokens.empty()) {
      if (end == text.size()) break;
      continue;
    }
    auto warn = [&](const std::string& what) {
      out.warnings.push_back("line " + std::to_string(line_no) + ": " + what + " (entry skipped)");
    };
    if (tokens.size() != 4) {
      out.error = {line_no, "expected 'course room day period', found " + std::to_string(tokens.size()) +
                                " field" + (tokens.size() == 1 ? "" : "s")};
      return out;
    }
    int nums[2];
    for (int k = 0; k < 2; ++k) {
      std::string_view t = tokens[2 + k].text;
      auto [ptr, ec] = std::from_chars(t.data(), t.data() + t.size(), nums[k]);
      if (ec != std::errc() || ptr != t.data() + t.size() || nums[k] < 0) {
        out.error = {line_no, std::string(k == 0 ? "day" : "period") + " must be a whole number >= 0, found '" +
                                  std::string(t) + "'"};
        return out;
      }
    }
    auto c = course_of.find(tokens[0].text);
    auto r = room_of.find(tokens[1].text);
    if (c == course_of.end()) {
      warn("unknown course " + std::string(tokens[0].text));
    } else if (r == room_of.end()) {
      warn("unknown room " + std::string(tokens[1].text));
    } else if (nums[0] >= inst.days) {
      warn("day " + std::to_string(nums[0]) + " does not exist");
    } else if (nums[1] >= inst.periods_per_day) {
      warn("period " + std::to_string(nums[1]) + " does not exist");
    } else {
      int p = nums[0] * inst.periods_per_day + nums[1];
      auto& s = seen[static_cast<std::size_t>(c->second) * inst.periods() + p];
      if (s) {
        warn("a second lecture of " + std::string(tokens[0].text) + " in the same period");
      } else {
        s = 1;
        sol.lectures.push_back({c->second, r->second, p});
      }
    }
    if (end == text.size()) break;
  }
  out.solution = std::move(sol);
  return out;
}

std::string format_solution(const Instance& inst, const Solution& sol) {
  std::vector<Placement> v;
  for (const auto& l : sol.lectures)
    if (l.placed()) v.push_back(l);
  std::sort(v.begin(), v.end(), [](const Placement& a, const Placement& b) {
    return a.course != b.course ? a.course < b.course : a.period < b.period;
  });
  std::ostringstream os;
  for (const auto& l : v)
    os << inst.courses[l.course].name << ' ' << inst.rooms[l.room].name << ' ' << inst.day_of(l.period) << ' '
       << inst.slot_of(l.period) << '\n';
  return os.str();
}

std::optional<std::string> read_text_file(const std::string& path, std::string* error) {
  std::ifstream f(path, std::ios::binary);
  if (!f) {
    if (error) *error = "cannot read " + path;
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

}  // namespace mdsc::ctt
