// parser.cc: drives the ANTLR lexer and parser over one source file and converts the parse tree
// into the AST. This is the only file that includes ANTLR headers: every ANTLR exception is
// caught here and syntax errors are turned into diagnostics.
#include "compiler/parse/parser.h"

#include <antlr4-runtime.h>
#include <fmt/format.h>

#include <charconv>

#include "VigilLexer.h"
#include "VigilParser.h"
#include "base/strings.h"
#include "compiler/parse/literals.h"

namespace vigil::compiler {
namespace {

using antlr4::ParserRuleContext;
using antlr4::Token;
using antlr4::tree::TerminalNode;
using vigil_gen::VigilLexer;
using vigil_gen::VigilParser;
using P = VigilParser;

constexpr int kMaxSyntaxErrors = 20;
constexpr int kMaxBracketDepth = 100;
constexpr int kMaxPrefixRun = 64;
constexpr int kMaxExprDepth = 200;
constexpr size_t kMaxChainTerms = 1000;   // operands of one `and`/`or` chain
constexpr size_t kMaxTokens = 500'000;    // default-channel tokens in one file

// Thrown (and caught in ParseFile) to stop parsing a hopeless file.
struct GiveUp {};

// Maps code-point indices (ANTLR's positions) to byte offsets in the UTF-8 source.
class OffsetMap {
 public:
  explicit OffsetMap(std::string_view text) {
    for (uint32_t i = 0; i < text.size(); ++i) {
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) starts_.push_back(i);
    }
    starts_.push_back(static_cast<uint32_t>(text.size()));
  }
  uint32_t Byte(size_t cp) const { return starts_[std::min(cp, starts_.size() - 1)]; }

 private:
  std::vector<uint32_t> starts_;
};

// A readable token description for messages: `when`, identifier `foo`, end of file.
std::string Describe(const Token* t) {
  if (t == nullptr || t->getType() == Token::EOF) return "end of file";
  std::string text = t->getText();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return "`" + base::SanitizeUtf8(text) + "`";
}

// The vocabulary names of the expected tokens, readable and capped.
std::string ExpectedList(antlr4::Parser* parser) {
  const antlr4::misc::IntervalSet set = parser->getExpectedTokens();
  const antlr4::dfa::Vocabulary& vocab = parser->getVocabulary();
  std::vector<std::string> names;
  for (size_t t : set.toList()) {
    std::string n = t == Token::EOF ? "end of file" : vocab.getDisplayName(t);
    if (n.size() >= 2 && n.front() == '\'') n = "`" + n.substr(1, n.size() - 2) + "`";
    if (n == "IDENT") n = "a name";
    if (n == "STRING") n = "a string";
    if (n == "INT") n = "an integer";
    if (n == "DURATION") n = "a duration such as 10m";
    names.push_back(n);
  }
  if (names.empty()) return {};
  if (names.size() > 8) {
    names.resize(8);
    names.push_back("...");
  }
  return base::Join(names, ", ");
}

class ErrorListener : public antlr4::BaseErrorListener {
 public:
  ErrorListener(uint32_t file, const OffsetMap& map, DiagnosticSink& sink)
      : file_(file), map_(map), sink_(sink) {}

  void syntaxError(antlr4::Recognizer* recognizer, Token* offending, size_t, size_t,
                   const std::string&, std::exception_ptr) override {
    Span span{file_, 0, 0};
    if (offending != nullptr) {
      span.begin = map_.Byte(offending->getStartIndex());
      span.end = offending->getType() == Token::EOF ? span.begin
                                                    : map_.Byte(offending->getStopIndex() + 1);
    }
    if (++count_ > kMaxSyntaxErrors) {
      sink_.Report(DiagCode::kE0105, span, "too many syntax errors; stopped parsing this file");
      throw GiveUp{};
    }
    Diagnostic& d = sink_.Report(DiagCode::kE0101, span, "unexpected " + Describe(offending));
    auto* parser = dynamic_cast<antlr4::Parser*>(recognizer);
    if (parser != nullptr) {
      const std::string expected = ExpectedList(parser);
      if (!expected.empty()) d.label = "expected " + expected;
    }
  }
  int count() const { return count_; }

 private:
  uint32_t file_;
  const OffsetMap& map_;
  DiagnosticSink& sink_;
  int count_ = 0;
};

// The generated lexer with hostile-input bounds: it stops (returns EOF) after too many bad
// characters or tokens, or at an unterminated block comment, so lexing stays linear in the
// input (each failed string or comment attempt rescans the rest of a line or of the file).
class BoundedLexer : public VigilLexer {
 public:
  enum class Stop : uint8_t { kNone, kBadChars, kTooManyTokens, kUnclosedComment };
  using VigilLexer::VigilLexer;

  std::unique_ptr<Token> nextToken() override {
    if (stop_ == Stop::kNone) {
      std::unique_ptr<Token> t = VigilLexer::nextToken();
      Inspect(*t);
      if (stop_ == Stop::kNone || stop_ == Stop::kBadChars) return t;
    }
    emitEOF();
    return std::move(token);
  }
  Stop stop() const { return stop_; }
  size_t stop_index() const { return stop_index_; }  // code-point index of the offending token

 private:
  // Sets stop_ when `t` hits a bound. The bad character that hits its cap is still returned
  // (PreScan reports the cap); the others are replaced by EOF.
  void Inspect(const Token& t) {
    stop_index_ = t.getStartIndex();
    if (t.getType() == BAD_CHAR && ++bad_ > kMaxSyntaxErrors) stop_ = Stop::kBadChars;
    if (t.getChannel() == Token::DEFAULT_CHANNEL && ++count_ > kMaxTokens) {
      stop_ = Stop::kTooManyTokens;
    }
    // A one-character `/` followed by `*` is what is left of a block comment that never closed.
    if (t.getStartIndex() == t.getStopIndex() && _input->LA(-1) == '/' && _input->LA(1) == '*') {
      stop_ = Stop::kUnclosedComment;
    }
  }

  Stop stop_ = Stop::kNone;
  size_t stop_index_ = 0;
  int bad_ = 0;
  size_t count_ = 0;
};

// Reports why the lexer stopped early (bad characters are reported by PreScan). Returns false
// when the file must not be parsed.
bool CheckLexerStop(const BoundedLexer& lexer, uint32_t file, const OffsetMap& map,
                    DiagnosticSink& sink) {
  const uint32_t at = map.Byte(lexer.stop_index());
  const Span span{file, at, at + 1};
  switch (lexer.stop()) {
    case BoundedLexer::Stop::kTooManyTokens:
      sink.Report(DiagCode::kE0105, span,
                  fmt::format("more than {} tokens in one file; not parsing it", kMaxTokens))
          .help = "split the rules into several files";
      return false;
    case BoundedLexer::Stop::kUnclosedComment:
      sink.Report(DiagCode::kE0101, Span{file, at, at + 2}, "unterminated block comment").label =
          "this `/*` has no matching `*/`";
      return false;
    default:
      return true;
  }
}

// Checks the token stream before parsing: bad characters and nesting depth. Returns false when
// the file must not be parsed (the parser recurses per nesting level).
bool PreScan(std::vector<Token*>& tokens, uint32_t file, const OffsetMap& map,
             DiagnosticSink& sink) {
  int depth = 0, prefix_run = 0, bad = 0;
  for (Token* t : tokens) {
    if (t->getChannel() != Token::DEFAULT_CHANNEL) continue;
    const Span span{file, map.Byte(t->getStartIndex()), map.Byte(t->getStopIndex() + 1)};
    const std::string text = t->getText();
    if (t->getType() == VigilLexer::BAD_CHAR) {
      if (++bad > kMaxSyntaxErrors) {
        sink.Report(DiagCode::kE0105, span, "too many invalid characters; not parsing this file");
        return false;
      }
      // Reported here once; hidden from the parser so it does not report it again.
      static_cast<antlr4::CommonToken*>(t)->setChannel(Token::HIDDEN_CHANNEL);
      if (text == "\"") {
        sink.Report(DiagCode::kE0103, span, "unterminated string literal").label =
            "this string is not closed on its line";
      } else {
        sink.Report(DiagCode::kE0102, span,
                    fmt::format("invalid character `{}`", base::SanitizeUtf8(text)));
      }
      continue;
    }
    if (text == "(" || text == "[" || text == "{") ++depth;
    if (text == ")" || text == "]" || text == "}") --depth;
    prefix_run = (text == "-" || t->getType() == VigilLexer::NOT) ? prefix_run + 1 : 0;
    if (depth > kMaxBracketDepth || prefix_run > kMaxPrefixRun) {
      sink.Report(DiagCode::kE0104, span,
                  fmt::format("nesting deeper than {} levels", kMaxBracketDepth))
          .help = "split the expression into macros";
      return false;
    }
  }
  return true;
}

}  // namespace
}  // namespace vigil::compiler

// The tree-to-AST conversion: textually part of this translation unit (the only one that sees
// ANTLR types), kept in its own file for size.
#include "compiler/parse/parser_tree.inc"

namespace vigil::compiler {

ast::File ParseFile(const SourceManager& sm, uint32_t file_id, DiagnosticSink& sink) {
  ast::File result;
  result.file_id = file_id;
  const std::string& original = sm.file(file_id).text();
  // Keep byte offsets: replace each byte of an ill-formed UTF-8 sequence by '?'.
  std::string text = original;
  const size_t first_bad = base::MaskInvalidUtf8(text, '?');
  if (first_bad != std::string::npos) {
    const auto at = static_cast<uint32_t>(first_bad);
    sink.Report(DiagCode::kE0107, Span{file_id, at, at + 1}, "source is not valid UTF-8")
        .help = "save the file as UTF-8";
  }
  try {
    const OffsetMap map(text);
    antlr4::ANTLRInputStream input(text);
    BoundedLexer lexer(&input);
    lexer.removeErrorListeners();
    antlr4::CommonTokenStream tokens(&lexer);
    tokens.fill();
    std::vector<Token*> all = tokens.getTokens();
    if (!PreScan(all, file_id, map, sink)) return result;
    if (!CheckLexerStop(lexer, file_id, map, sink)) return result;
    VigilParser parser(&tokens);
    parser.removeErrorListeners();
    // Fast path: SLL prediction, bail at the first error; reparse with full LL on failure.
    parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
        antlr4::atn::PredictionMode::SLL);
    parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    VigilParser::FileContext* tree = nullptr;
    try {
      tree = parser.file();
    } catch (const antlr4::ParseCancellationException&) {
      tokens.seek(0);
      parser.reset();
      ErrorListener listener(file_id, map, sink);
      parser.addErrorListener(&listener);
      parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
      parser.getInterpreter<antlr4::atn::ParserATNSimulator>()->setPredictionMode(
          antlr4::atn::PredictionMode::LL);
      tree = parser.file();
      parser.removeErrorListeners();
    }
    TreeBuilder builder(sm, file_id, map, sink, all);  // `all` outlives the builder
    result = builder.Build(tree);
  } catch (const GiveUp&) {
    // Reported already.
  } catch (const std::exception& e) {
    sink.Report(DiagCode::kE0101, Span{file_id, 0, 0},
                fmt::format("the parser stopped on this file: {}", e.what()));
  }
  return result;
}

}  // namespace vigil::compiler
