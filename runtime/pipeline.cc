// pipeline.cc: the ingest -> evaluation hand-off (inline, or through a bounded queue).
#include "runtime/pipeline.h"

#include <utility>

namespace vigil::runtime {

// One call of the ingestor, owned.
struct Pipeline::Item {
  enum class Kind { kBatch, kDeadLetter, kCheckpoint, kFlushed } kind = Kind::kBatch;
  std::vector<std::string> new_files;      // input names to learn before handling this
  std::unique_ptr<columnar::Batch> batch;  // kBatch
  ingest::DeadLetter letter;               // kDeadLetter: views into the strings below
  std::string message, file, raw;
  uint32_t file_index = 0;  // kCheckpoint
  uint64_t done = 0;
  ingest::Stats stats;
};

Pipeline::Pipeline(ingest::Sink& inner, int threads, size_t depth)
    : inner_(inner), depth_(depth < 1 ? 1 : depth) {
  if (threads > 1) worker_ = std::thread([this] { Work(); });
}

Pipeline::~Pipeline() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    closing_ = true;
  }
  changed_.notify_all();
  if (worker_.joinable()) worker_.join();
}

std::vector<std::string> Pipeline::NewFiles() {
  if (files_ == nullptr) return {};
  std::vector<std::string> out(files_->begin() + static_cast<std::ptrdiff_t>(files_sent_),
                               files_->end());
  files_sent_ = files_->size();
  return out;
}

void Pipeline::OnBatch(columnar::Batch& batch) {
  Item item;
  item.kind = Item::Kind::kBatch;
  item.new_files = NewFiles();
  if (!worker_.joinable()) {
    Handle(item);  // inline: learns the new input names; the ingestor's own batch goes next
    inner_.OnBatch(batch);
    return;
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto& spare = spare_[static_cast<size_t>(batch.type())];
    if (!spare.empty()) {
      item.batch = std::move(spare.back());
      spare.pop_back();
    }
  }
  if (item.batch == nullptr || item.batch->capacity() != batch.capacity()) {
    item.batch = std::make_unique<columnar::Batch>(batch.type(), batch.capacity());
  }
  item.batch->Reset();
  item.batch->Swap(batch);  // the ingestor keeps an empty batch of the same type
  Push(std::move(item));
}

void Pipeline::OnDeadLetter(const ingest::DeadLetter& letter) {
  Item item;
  item.kind = Item::Kind::kDeadLetter;
  item.new_files = NewFiles();
  item.message = std::string(letter.message);
  item.file = std::string(letter.file);
  item.raw = std::string(letter.raw);
  item.letter = letter;
  Push(std::move(item));
}

void Pipeline::OnFlushed() {
  Item item;
  item.kind = Item::Kind::kFlushed;
  item.new_files = NewFiles();
  Push(std::move(item));
}

void Pipeline::OnCheckpoint(uint32_t file_index, uint64_t records_done) {
  Item item;
  item.kind = Item::Kind::kCheckpoint;
  item.new_files = NewFiles();
  item.file_index = file_index;
  item.done = records_done;
  if (stats_) item.stats = stats_();
  Push(std::move(item));
}

void Pipeline::Push(Item item) {
  if (!worker_.joinable()) {
    Handle(item);
    return;
  }
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [&] { return queue_.size() < depth_ || failure_ != nullptr; });
  if (failure_ != nullptr) std::rethrow_exception(failure_);
  queue_.push_back(std::move(item));
  changed_.notify_all();
}

void Pipeline::Handle(Item& item) {
  for (std::string& f : item.new_files) eval_files_.push_back(std::move(f));
  switch (item.kind) {
    case Item::Kind::kBatch:
      if (item.batch != nullptr) inner_.OnBatch(*item.batch);
      break;
    case Item::Kind::kDeadLetter:
      // The views of a queued letter point into its own strings (moved, so re-point them).
      item.letter.message = item.message;
      item.letter.file = item.file;
      item.letter.raw = item.raw;
      inner_.OnDeadLetter(item.letter);
      break;
    case Item::Kind::kFlushed:
      inner_.OnFlushed();
      break;
    case Item::Kind::kCheckpoint:
      if (on_checkpoint_ && item.file_index < eval_files_.size()) {
        on_checkpoint_(eval_files_[item.file_index], item.done, item.stats);
      }
      break;
  }
}

void Pipeline::Work() {
  for (;;) {
    Item item;
    {
      std::unique_lock<std::mutex> lock(mu_);
      changed_.wait(lock, [&] { return !queue_.empty() || closing_; });
      if (queue_.empty()) return;
      item = std::move(queue_.front());
      queue_.pop_front();
      ++busy_;
    }
    changed_.notify_all();
    std::exception_ptr failure;
    try {
      Handle(item);
    } catch (...) {
      failure = std::current_exception();
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      --busy_;
      if (failure != nullptr && failure_ == nullptr) failure_ = failure;
      if (item.batch != nullptr) {
        auto& spare = spare_[static_cast<size_t>(item.batch->type())];
        if (spare.size() < depth_ + 1) spare.push_back(std::move(item.batch));
      }
      if (failure_ != nullptr) queue_.clear();  // nothing more is evaluated
    }
    changed_.notify_all();
  }
}

void Pipeline::Drain() {
  if (!worker_.joinable()) return;
  std::unique_lock<std::mutex> lock(mu_);
  changed_.wait(lock, [&] { return (queue_.empty() && busy_ == 0) || failure_ != nullptr; });
  if (failure_ != nullptr) std::rethrow_exception(failure_);
}

}  // namespace vigil::runtime
