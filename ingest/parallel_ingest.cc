// parallel_ingest.cc: `vigil ingest --threads N`: the inputs, the workers (one Ingestor each),
// the hand-off with backpressure, and the writer that restores one Ingestor's output order.
#include "ingest/parallel_ingest.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "base/check.h"
#include "ingest/ingestor.h"
#include "ingest/input_walk.h"
#include "ingest/json_writer.h"
#include "ingest/normalized_json.h"

namespace vigil::ingest {
namespace {

using schema::EventType;

// Output is handed over in chunks of about this size.
constexpr size_t kChunkBytes = 64 * 1024;

// One input: a path for Ingestor::IngestPath, or a directory the walk could not list.
struct Input {
  std::string path;
  std::string list_error;  // non-empty: quarantine `path` with this message instead
  bool named = false;      // a PATH argument: failing to open it is reported
};

std::vector<Input> ExpandInputs(const std::vector<std::string>& paths) {
  std::vector<Input> inputs;
  std::set<std::string> visited;  // shared by all paths, as in one Ingestor
  const WalkVisitor visit{
      .file =
          [&](const std::string& p) {
            inputs.push_back({p, "", false});
          },
      .error =
          [&](const std::string& d, const std::string& m) {
            inputs.push_back({d, m, false});
          },
  };
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path != "-" && std::filesystem::is_directory(path, ec)) {
      WalkDirectory(path, &visited, visit);
    } else {
      inputs.push_back({path, "", true});
    }
  }
  return inputs;
}

// A row of Chunk::rows: its event type and where its line ends.
struct RowMark {
  EventType type;
  size_t end;
};

// Rendered output of one input, in record order.
struct Chunk {
  std::string rows;  // JSON lines
  std::vector<RowMark> marks;
  std::string dead;  // dead-letter JSON lines
  size_t bytes() const { return rows.size() + dead.size(); }
};

// Chunks of every input between the workers and the writer, which takes them input by input.
// Put blocks while the worker's inputs hold max_bytes the writer has not taken yet (inputs it
// finished included), so each worker holds at most max_bytes and one chunk.
class Handoff {
 public:
  Handoff(size_t inputs, size_t workers, size_t max_bytes)
      : slots_(inputs), held_(workers), max_bytes_(max_bytes) {}

  void Put(size_t input, size_t worker, Chunk chunk) {
    const size_t bytes = chunk.bytes();
    std::unique_lock lock(mu_);
    size_t& held = held_[worker];
    space_.wait(lock, [&] { return held == 0 || held + bytes <= max_bytes_; });
    held += bytes;
    total_bytes_ += bytes;
    peak_bytes_ = std::max(peak_bytes_, total_bytes_);
    Slot& s = slots_[input];
    s.worker = worker;
    s.chunks.push_back(std::move(chunk));
    data_.notify_one();
  }
  // The input is read: `names` are the inputs it registered (Ingestor::files()).
  void Finish(size_t input, bool opened, std::vector<std::string> names) {
    std::lock_guard lock(mu_);
    Slot& s = slots_[input];
    s.done = true;
    s.opened = opened;
    s.names = std::move(names);
    data_.notify_one();
  }
  // Waits for the next chunk of `input`; false once the input is finished and drained.
  bool Take(size_t input, Chunk* out) {
    std::unique_lock lock(mu_);
    Slot& s = slots_[input];
    data_.wait(lock, [&] { return !s.chunks.empty() || s.done; });
    if (s.chunks.empty()) return false;
    *out = std::move(s.chunks.front());
    s.chunks.pop_front();
    held_[s.worker] -= out->bytes();
    total_bytes_ -= out->bytes();
    space_.notify_all();
    return true;
  }
  // After Take returned false for `input`.
  bool opened(size_t input) const { return slots_[input].opened; }
  std::vector<std::string>& names(size_t input) { return slots_[input].names; }
  // After every input was taken.
  size_t peak_bytes() const { return peak_bytes_; }

 private:
  struct Slot {
    std::deque<Chunk> chunks;
    size_t worker = 0;  // who put the chunks
    bool done = false;
    bool opened = true;
    std::vector<std::string> names;
  };
  std::mutex mu_;
  std::condition_variable space_;  // a slot was drained (workers wait)
  std::condition_variable data_;   // a chunk or an end arrived (the writer waits)
  std::vector<Slot> slots_;
  std::vector<size_t> held_;  // per worker: bytes in slots not taken yet
  const size_t max_bytes_;
  size_t total_bytes_ = 0;  // in every slot
  size_t peak_bytes_ = 0;
};

// A worker's sink: renders the rows and dead letters of the input being read into chunks.
class WorkerSink final : public Sink {
 public:
  WorkerSink(const ParallelOptions& o, size_t worker, Handoff* handoff)
      : rows_(o.rows), dead_(o.dead_letters), worker_(worker), handoff_(handoff) {}
  void set_files(const std::vector<std::string>* files) { row_options_.files = files; }
  void Begin(size_t input) { input_ = input; }
  // Hands over the rest of the input's output and marks it read.
  void End(bool opened, std::vector<std::string> names) {
    if (chunk_.bytes() > 0) Hand();
    handoff_->Finish(input_, opened, std::move(names));
  }

  void OnBatch(columnar::Batch& batch) override {
    if (!rows_) return;
    for (size_t i = 0; i < batch.size(); ++i) {
      WriteRowJson(batch, i, row_options_, &writer_);
      chunk_.rows += writer_.Take();
      chunk_.rows.push_back('\n');
      chunk_.marks.push_back({batch.type(), chunk_.rows.size()});
    }
    if (chunk_.bytes() >= kChunkBytes) Hand();
  }
  void OnDeadLetter(const DeadLetter& d) override {
    if (!dead_) return;
    chunk_.dead += DeadLetterToJson(d);
    chunk_.dead.push_back('\n');
    if (chunk_.bytes() >= kChunkBytes) Hand();
  }

 private:
  void Hand() {
    handoff_->Put(input_, worker_, std::move(chunk_));
    chunk_ = Chunk();
  }

  const bool rows_;
  const bool dead_;
  const size_t worker_;
  Handoff* handoff_;
  size_t input_ = 0;
  Chunk chunk_;
  RowJsonOptions row_options_;
  JsonWriter writer_;
};

// Reads one input; false when it is a named path that cannot be opened.
bool ReadInput(const Input& in, Ingestor* ingestor) {
  if (!in.list_error.empty()) {
    ingestor->IngestUnreadable(in.path, in.list_error);
    return true;
  }
  return ingestor->IngestPath(in.path) || !in.named;
}

// Takes inputs in order until none is left; leaves the worker's accounting in *stats.
void RunWorker(const std::vector<Input>& inputs, const ParallelOptions& o, size_t worker,
               std::atomic<size_t>* next, Handoff* handoff, Stats* stats) {
  WorkerSink sink(o, worker, handoff);
  Options options = o.ingest;
  if (o.rows) options.batch_size = 1;  // every row reaches the sink as it is read
  Ingestor ingestor(options, &sink);
  sink.set_files(&ingestor.files());
  for (size_t i; (i = next->fetch_add(1)) < inputs.size();) {
    const size_t first_name = ingestor.files().size();
    sink.Begin(i);
    const bool opened = ReadInput(inputs[i], &ingestor);
    const auto& files = ingestor.files();
    sink.End(opened, {files.begin() + static_cast<ptrdiff_t>(first_name), files.end()});
  }
  *stats = ingestor.stats();
}

// Batches rows per event type as one Ingestor does, and writes a batch when it is full.
class RowBatcher {
 public:
  RowBatcher(size_t batch_size, OrderedOutput* out) : batch_size_(batch_size), out_(out) {}
  void Add(const Chunk& chunk) {
    size_t begin = 0;
    for (const RowMark& m : chunk.marks) {
      Pending& p = pending_[static_cast<size_t>(m.type)];
      p.text.append(chunk.rows, begin, m.end - begin);
      begin = m.end;
      if (++p.rows == batch_size_) Write(&p);
    }
  }
  // The final Flush: every partly filled batch, in event-type order.
  void Finish() {
    for (Pending& p : pending_) {
      if (p.rows > 0) Write(&p);
    }
  }

 private:
  struct Pending {
    std::string text;
    size_t rows = 0;
  };
  void Write(Pending* p) {
    out_->Rows(p->text);
    p->text.clear();
    p->rows = 0;
  }

  const size_t batch_size_;
  OrderedOutput* out_;
  std::array<Pending, schema::kEventTypeCount> pending_;
};

void WriteInOrder(const std::vector<Input>& inputs, Handoff* handoff, RowBatcher* rows,
                  OrderedOutput* out, ParallelResult* result) {
  Chunk chunk;
  for (size_t i = 0; i < inputs.size(); ++i) {
    while (handoff->Take(i, &chunk)) {
      rows->Add(chunk);
      if (!chunk.dead.empty()) out->DeadLetters(chunk.dead);
    }
    if (!handoff->opened(i)) result->unreadable.push_back(inputs[i].path);
    for (std::string& name : handoff->names(i)) result->files.push_back(std::move(name));
  }
  rows->Finish();
  result->peak_buffered_bytes = handoff->peak_bytes();
}

// The workers' accounting summed; `batches` as one Ingestor flushed once at the end counts.
Stats MergeStats(const std::vector<Stats>& per_worker, size_t batch_size) {
  Stats s;
  for (const Stats& w : per_worker) s.Add(w);
  s.batches = 0;
  for (const auto& [type, events] : s.by_type) s.batches += (events + batch_size - 1) / batch_size;
  return s;
}

}  // namespace

ParallelResult IngestInParallel(const std::vector<std::string>& paths,
                                const ParallelOptions& options, OrderedOutput* out) {
  const Options& io = options.ingest;
  VIGIL_CHECK(io.flush_every == 0 && io.checkpoint_every == 0 && io.resume.empty() &&
              io.stop == nullptr);
  const std::vector<Input> inputs = ExpandInputs(paths);
  const size_t workers = std::clamp<size_t>(static_cast<size_t>(std::max(options.threads, 1)), 1,
                                            std::max<size_t>(inputs.size(), 1));
  const size_t batch_size = std::max<size_t>(io.batch_size, 1);
  Handoff handoff(inputs.size(), workers, options.max_buffered_bytes);
  std::atomic<size_t> next{0};
  std::vector<Stats> stats(workers);
  std::vector<std::thread> threads;
  for (size_t w = 0; w < workers; ++w) {
    threads.emplace_back(RunWorker, std::cref(inputs), std::cref(options), w, &next, &handoff,
                         &stats[w]);
  }
  ParallelResult result;
  RowBatcher rows(batch_size, out);
  WriteInOrder(inputs, &handoff, &rows, out, &result);
  for (std::thread& t : threads) t.join();
  result.stats = MergeStats(stats, batch_size);
  return result;
}

int ResolveThreads(int n) {
  if (n > 0) return n;
  const int cores = static_cast<int>(std::thread::hardware_concurrency());
  return std::clamp(cores, 1, kMaxAutoThreads);
}

}  // namespace vigil::ingest
