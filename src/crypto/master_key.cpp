#include "crypto/master_key.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <utility>

#include "crypto/hex.hpp"

namespace tradelink::crypto {
namespace {

core::Error key_invalid(std::string message) {
  return core::validation_error("vault.master_key_invalid", std::move(message));
}

core::Error key_io(std::string const& action, std::filesystem::path const& path, int error) {
  return core::internal_error(
      "vault.master_key_io",
      "cannot " + action + " master key file " + path.string() + ": " + std::strerror(error));
}

/// Closes a POSIX descriptor on scope exit.
class FileDescriptor {
 public:
  explicit FileDescriptor(int fd) noexcept : fd_(fd) {}
  ~FileDescriptor() {
    if (fd_ >= 0) ::close(fd_);
  }
  FileDescriptor(FileDescriptor const&) = delete;
  FileDescriptor& operator=(FileDescriptor const&) = delete;
  [[nodiscard]] int get() const noexcept { return fd_; }
  [[nodiscard]] bool valid() const noexcept { return fd_ >= 0; }
  /// Closes now, reporting the error close() may carry for buffered writes.
  [[nodiscard]] int close() noexcept {
    int const result = ::close(std::exchange(fd_, -1));
    return result == 0 ? 0 : errno;
  }

 private:
  int fd_;
};

std::string octal_mode(mode_t mode) {
  std::array<char, 8> text{};
  std::snprintf(text.data(), text.size(), "%04o", static_cast<unsigned>(mode & 07777U));
  return text.data();
}

core::Result<MasterKey> read_master_key_file(FileDescriptor const& file,
                                             std::filesystem::path const& path) {
  struct stat status {};
  if (::fstat(file.get(), &status) != 0) return key_io("inspect", path, errno);
  if (!S_ISREG(status.st_mode)) {
    return core::validation_error("vault.master_key_permissions",
                                  "master key path " + path.string() + " is not a regular file");
  }
  if ((status.st_mode & 077U) != 0) {
    return core::validation_error(
        "vault.master_key_permissions",
        "master key file " + path.string() + " has mode " + octal_mode(status.st_mode) +
            "; it must be readable by its owner only (run: chmod 600 " + path.string() + ")");
  }
  if (status.st_size != static_cast<off_t>(master_key_size)) {
    return key_invalid("master key file " + path.string() + " holds " +
                       std::to_string(status.st_size) + " bytes; a master key file holds exactly " +
                       std::to_string(master_key_size) + " raw bytes");
  }
  auto buffer = SecureBuffer::allocate(master_key_size);
  if (!buffer) return buffer.error();
  std::size_t filled = 0;
  while (filled < master_key_size) {
    ssize_t const got = ::read(file.get(), buffer->data() + filled, master_key_size - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return key_io("read", path, errno);
    if (got == 0) return key_invalid("master key file " + path.string() + " was truncated");
    filled += static_cast<std::size_t>(got);
  }
  return MasterKey::from_bytes(buffer->bytes());
}

core::Result<void> write_all(int fd, std::span<std::byte const> bytes,
                             std::filesystem::path const& path) {
  while (!bytes.empty()) {
    ssize_t const written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return key_io("write", path, written < 0 ? errno : EIO);
    bytes = bytes.subspan(static_cast<std::size_t>(written));
  }
  return core::ok();
}

void sync_directory(std::filesystem::path const& directory) noexcept {
  // Makes the new directory entry durable; some filesystems refuse fsync on directories, and
  // the key itself is already on disk, so a failure here is not an error.
  int const fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

core::Result<void> write_new_key_file(std::filesystem::path const& temporary,
                                      MasterKey const& key) {
  FileDescriptor file{::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600)};
  if (!file.valid()) return key_io("create", temporary, errno);
  // The umask may only remove bits, but an unusual one could drop the owner's read bit.
  if (::fchmod(file.get(), 0600) != 0) return key_io("chmod", temporary, errno);
  if (auto written = write_all(file.get(), key.bytes(), temporary); !written) return written;
  if (::fsync(file.get()) != 0) return key_io("fsync", temporary, errno);
  if (int const error = file.close(); error != 0) return key_io("close", temporary, error);
  return core::ok();
}

core::Result<MasterKey> create_master_key_file(std::filesystem::path const& path) {
  auto key = MasterKey::generate();
  if (!key) return key.error();
  std::array<unsigned char, 8> suffix{};
  randombytes_buf(suffix.data(), suffix.size());
  std::filesystem::path temporary = path;
  temporary += ".tmp-" + hex_encode(suffix);
  if (auto written = write_new_key_file(temporary, *key); !written) {
    ::unlink(temporary.c_str());
    return written.error();
  }
  // link() rather than rename(): it fails when the name exists, so a key another process
  // created meanwhile is never replaced (data sealed under it would become unreadable).
  int const link_error = ::link(temporary.c_str(), path.c_str()) == 0 ? 0 : errno;
  ::unlink(temporary.c_str());
  if (link_error == EEXIST) {
    FileDescriptor existing{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
    if (!existing.valid()) return key_io("open", path, errno);
    return read_master_key_file(existing, path);
  }
  if (link_error != 0) return key_io("create", path, link_error);
  sync_directory(path.has_parent_path() ? path.parent_path() : std::filesystem::path{"."});
  return key;
}

std::string_view trim(std::string_view text) {
  constexpr std::string_view whitespace = " \t\r\n";
  auto const first = text.find_first_not_of(whitespace);
  if (first == std::string_view::npos) return {};
  auto const last = text.find_last_not_of(whitespace);
  return text.substr(first, last - first + 1);
}

bool is_hex(std::string_view text) {
  for (char const c : text) {
    bool const digit = c >= '0' && c <= '9';
    bool const letter = (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!digit && !letter) return false;
  }
  return true;
}

}  // namespace

core::Result<MasterKey> MasterKey::from_bytes(std::span<std::byte const> bytes) {
  if (bytes.size() != master_key_size) {
    return key_invalid("a master key is " + std::to_string(master_key_size) + " bytes, got " +
                       std::to_string(bytes.size()));
  }
  auto buffer = SecureBuffer::copy_of(bytes);
  if (!buffer) return buffer.error();
  return MasterKey{std::move(*buffer)};
}

core::Result<MasterKey> MasterKey::generate() {
  auto buffer = SecureBuffer::allocate(master_key_size);
  if (!buffer) return buffer.error();
  randombytes_buf(buffer->data(), buffer->size());
  return MasterKey{std::move(*buffer)};
}

core::Result<MasterKey> load_or_create_master_key(std::filesystem::path const& path) {
  if (auto init = ensure_sodium_initialised(); !init) return init.error();
  FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.valid()) return read_master_key_file(file, path);
  if (errno != ENOENT) return key_io("open", path, errno);
  return create_master_key_file(path);
}

core::Result<MasterKey> master_key_from_text(std::string_view encoded) {
  std::string_view const text = trim(encoded);
  // One spare byte so that too-long input is detected rather than truncated.
  auto decoded = SecureBuffer::allocate(master_key_size + 1);
  if (!decoded) return decoded.error();
  std::size_t decoded_size = 0;
  if (text.size() == 2 * master_key_size && is_hex(text)) {
    if (sodium_hex2bin(decoded->uchar_data(), decoded->size(), text.data(), text.size(), nullptr,
                       &decoded_size, nullptr) == 0) {
      return MasterKey::from_bytes(decoded->bytes().first(decoded_size));
    }
  } else {
    for (int const variant :
         {sodium_base64_VARIANT_ORIGINAL, sodium_base64_VARIANT_ORIGINAL_NO_PADDING,
          sodium_base64_VARIANT_URLSAFE, sodium_base64_VARIANT_URLSAFE_NO_PADDING}) {
      if (sodium_base642bin(decoded->uchar_data(), decoded->size(), text.data(), text.size(),
                            nullptr, &decoded_size, nullptr, variant) == 0 &&
          decoded_size == master_key_size) {
        return MasterKey::from_bytes(decoded->bytes().first(decoded_size));
      }
    }
  }
  return key_invalid(std::string{master_key_environment_variable} +
                     " must be 64 hex characters or the base64 of 32 bytes; got " +
                     std::to_string(text.size()) + " characters that are neither");
}

}  // namespace tradelink::crypto
