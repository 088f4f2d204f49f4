#include "filmtherm/sweep_journal.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace filmtherm {

namespace {

using nlohmann::ordered_json;

std::runtime_error system_error(const std::string& what, const std::filesystem::path& path) {
  return std::runtime_error(fmt::format("{} '{}': {}", what, path.string(), std::strerror(errno)));
}

// Offset just past the last '\n' of the open file (0 when there is none).
off_t end_of_last_line(int fd, off_t size) {
  std::array<char, 4096> buffer{};
  off_t end = size;
  while (end > 0) {
    const off_t start = std::max<off_t>(0, end - static_cast<off_t>(buffer.size()));
    const ssize_t got = pread(fd, buffer.data(), static_cast<std::size_t>(end - start), start);
    if (got <= 0) return 0;
    for (ssize_t i = got; i-- > 0;) {
      if (buffer[static_cast<std::size_t>(i)] == '\n') return start + i + 1;
    }
    end = start;
  }
  return 0;
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string journal_line(const PointRecord& record) {
  ordered_json line{{"index", record.index},
                    {"hash", record.parameter_hash},
                    {"study", record.study_fingerprint},
                    {"point", record.parameters},
                    {"status", record.ok ? "ok" : "failed"}};
  if (record.ok) {
    ordered_json figures = ordered_json::object();
    for (const FigureValue& f : record.figures.entries()) {
      figures[f.name] = f.value ? ordered_json(*f.value) : ordered_json(nullptr);
    }
    line["figures"] = std::move(figures);
  } else {
    line["error"] = record.error;
  }
  return line.dump(-1, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

std::optional<PointRecord> parse_journal_line(std::string_view text) {
  const ordered_json line = ordered_json::parse(text, nullptr, false);
  if (line.is_discarded() || !line.is_object()) return std::nullopt;
  const auto index = line.find("index");
  const auto hash = line.find("hash");
  const auto status = line.find("status");
  if (index == line.end() || !index->is_number_unsigned() || hash == line.end() ||
      !hash->is_string() || status == line.end() || !status->is_string()) {
    return std::nullopt;
  }
  PointRecord record;
  record.index = index->get<std::size_t>();
  record.parameter_hash = hash->get<std::string>();
  if (const auto study = line.find("study"); study != line.end() && study->is_string()) {
    record.study_fingerprint = study->get<std::string>();
  }
  if (const auto point = line.find("point"); point != line.end() && point->is_string()) {
    record.parameters = point->get<std::string>();
  }
  record.ok = status->get<std::string>() == "ok";
  if (record.ok) {
    const auto figures = line.find("figures");
    if (figures == line.end() || !figures->is_object()) return std::nullopt;
    for (auto it = figures->begin(); it != figures->end(); ++it) {
      if (!it->is_null() && !it->is_number()) return std::nullopt;
      record.figures.add(it.key(), "",
                         it->is_null() ? std::nullopt : std::optional<double>(it->get<double>()));
    }
  } else {
    const auto error = line.find("error");
    if (error == line.end() || !error->is_string()) return std::nullopt;
    record.error = error->get<std::string>();
  }
  return record;
}

std::string journal_file_name(std::size_t shard_index, std::size_t shard_count) {
  if (shard_count == 0) return "journal.jsonl";
  return fmt::format("journal.shard-{}-of-{}.jsonl", shard_index, shard_count);
}

std::vector<std::filesystem::path> journal_files(const std::filesystem::path& folder) {
  std::vector<std::filesystem::path> files;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder, error)) {
    const std::string name = entry.path().filename().string();
    if (entry.is_regular_file() && name.starts_with("journal") && name.ends_with(".jsonl")) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

JournalWriter::JournalWriter(const std::filesystem::path& path) : path_(path) {
  std::error_code error;
  std::filesystem::create_directories(path.parent_path(), error);
  if (error) {
    throw std::runtime_error(fmt::format("cannot create the folder '{}': {}",
                                         path.parent_path().string(), error.message()));
  }
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd_ < 0) throw system_error("cannot open the journal", path);
  if (flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const bool busy = errno == EWOULDBLOCK;
    ::close(fd_);
    fd_ = -1;
    if (busy) {
      throw std::runtime_error(fmt::format(
          "another filmtherm sweep is writing '{}'; wait for it, or use another --output folder",
          path.string()));
    }
    throw system_error("cannot lock the journal", path);
  }
  struct stat status {};
  if (fstat(fd_, &status) != 0) throw system_error("cannot inspect the journal", path);
  if (status.st_size > 0) {
    const off_t keep = end_of_last_line(fd_, status.st_size);
    if (keep != status.st_size && ftruncate(fd_, keep) != 0) {
      throw system_error("cannot cut the torn last line of the journal", path);
    }
  }
  flusher_ = std::thread([this] { flush_until_closed(); });
}

JournalWriter::~JournalWriter() {
  {
    const std::lock_guard lock(mutex_);
    closing_ = true;
  }
  work_to_flush_.notify_one();
  if (flusher_.joinable()) flusher_.join();
  if (fd_ >= 0) ::close(fd_);
}

void JournalWriter::append(const PointRecord& record) {
  const std::string line = journal_line(record);
  {
    const std::lock_guard lock(mutex_);
    if (flush_errno_ != 0) {
      errno = flush_errno_;
      throw system_error("cannot flush the journal", path_);
    }
    std::size_t written = 0;
    while (written < line.size()) {
      const ssize_t n = ::write(fd_, line.data() + written, line.size() - written);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw system_error("cannot append to the journal", path_);
      written += static_cast<std::size_t>(n);
    }
    ++records_written_;
  }
  work_to_flush_.notify_one();
}

void JournalWriter::flush() {
  std::unique_lock lock(mutex_);
  flushed_.wait(lock, [this] { return records_flushed_ == records_written_ || flush_errno_ != 0; });
  if (flush_errno_ != 0) {
    errno = flush_errno_;
    throw system_error("cannot flush the journal", path_);
  }
}

// Group commit: while one fdatasync waits for the disk, the records finished
// meanwhile pile up and the next fdatasync takes them all.
void JournalWriter::flush_until_closed() {
  std::unique_lock lock(mutex_);
  while (true) {
    work_to_flush_.wait(lock, [this] { return closing_ || records_flushed_ < records_written_; });
    if (records_flushed_ == records_written_) return;  // closing, nothing left
    const std::uint64_t written = records_written_;
    lock.unlock();
    int result = 0;
    while ((result = fdatasync(fd_)) != 0 && errno == EINTR) {
    }
    const int error = result == 0 ? 0 : errno;
    lock.lock();
    if (error != 0) {
      flush_errno_ = error;
      flushed_.notify_all();
      return;
    }
    records_flushed_ = written;
    flushed_.notify_all();
  }
}

const std::string& PointHashes::of(const Study& study, std::size_t index) {
  auto known = hashes_.find(index);
  if (known == hashes_.end()) {
    known = hashes_.emplace(index, study.point(index).parameter_hash).first;
  }
  return known->second;
}

FinishedPoints read_finished_points(const Study& study,
                                    std::span<const std::filesystem::path> folders,
                                    std::size_t& ignored_lines) {
  PointHashes hashes;
  return read_finished_points(study, folders, ignored_lines, hashes);
}

FinishedPoints read_finished_points(const Study& study,
                                    std::span<const std::filesystem::path> folders,
                                    std::size_t& ignored_lines, PointHashes& hashes) {
  FinishedPoints finished;
  const std::size_t count = study.point_count();
  const std::string fingerprint = study.fingerprint();
  for (const std::filesystem::path& folder : folders) {
    for (const std::filesystem::path& file : journal_files(folder)) {
      const std::string text = read_all(file);
      std::size_t start = 0;
      while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string::npos) {  // torn by a kill: the point runs again
          ++ignored_lines;
          break;
        }
        const std::optional<PointRecord> record =
            parse_journal_line(std::string_view(text).substr(start, end - start));
        start = end + 1;
        if (!record) {
          ++ignored_lines;
          continue;
        }
        const std::string remedy = fmt::format(
            "the study, its base device or a material library changed since. Write to another "
            "folder with --output, or delete {}/journal*.jsonl to start over",
            folder.string());
        if (record->index >= count) {
          throw StudyChangedError(
              fmt::format("{} holds point {} ({}), but the study now has {} points: {}",
                          file.string(), record->index, record->parameters, count, remedy));
        }
        if (record->study_fingerprint != fingerprint &&
            hashes.of(study, record->index) != record->parameter_hash) {
          throw StudyChangedError(fmt::format(
              "{} holds point {} computed for {}, but the study now gives another device for "
              "that point ({}): {}",
              file.string(), record->index, record->parameters, study.describe_point(record->index),
              remedy));
        }
        finished.emplace(record->index, std::move(*record));
      }
    }
  }
  return finished;
}

}  // namespace filmtherm
