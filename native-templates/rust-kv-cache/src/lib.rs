//! {{crate_name}}: a thread-safe key-value cache of byte strings with a C API for .NET.
//!
//! Any number of threads may call any function on the same cache at once: the map sits behind an `RwLock` (many
//! readers or one writer). Keys and values are arbitrary bytes, empty ones included.
//!
//! Ownership rules:
//! - `{{crate_name}}_create` returns a cache the caller owns; `{{crate_name}}_free` releases it exactly once, after
//!   every other call on it has returned. A null cache is refused (-1) by every other function.
//! - `set` copies the key and the value: the caller's buffers stay the caller's.
//! - `get` hands out a copy of the value: a buffer the caller owns and must release with
//!   `{{crate_name}}_buffer_free(ptr, len)` (and nothing else: it was allocated by Rust). A later `set` or `delete`
//!   never invalidates it.
//! - Status codes: 1 found/deleted, 0 absent, -1 invalid argument (a null pointer with a non-zero length, a null cache
//!   or out pointer). Nothing panics: a lock poisoned by a panic elsewhere is still used.

use std::collections::HashMap;
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

type Map = HashMap<Box<[u8]>, Box<[u8]>>;

pub struct Cache {
    map: RwLock<Map>,
}

impl Cache {
    pub fn new() -> Self {
        Cache { map: RwLock::new(HashMap::new()) }
    }

    fn read(&self) -> RwLockReadGuard<'_, Map> {
        self.map.read().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn write(&self) -> RwLockWriteGuard<'_, Map> {
        self.map.write().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn set(&self, key: &[u8], value: &[u8]) {
        self.write().insert(key.into(), value.into());
    }

    pub fn get(&self, key: &[u8]) -> Option<Box<[u8]>> {
        self.read().get(key).cloned()
    }

    pub fn delete(&self, key: &[u8]) -> bool {
        self.write().remove(key).is_some()
    }

    pub fn len(&self) -> usize {
        self.read().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Default for Cache {
    fn default() -> Self {
        Self::new()
    }
}

pub const FOUND: i32 = 1;
pub const ABSENT: i32 = 0;
pub const INVALID_ARGUMENT: i32 = -1;

unsafe fn bytes<'a>(ptr: *const u8, len: usize) -> Option<&'a [u8]> {
    if len == 0 {
        Some(&[])
    } else if ptr.is_null() {
        None
    } else {
        Some(std::slice::from_raw_parts(ptr, len))
    }
}

/// A new, empty cache; release it with `{{crate_name}}_free`.
#[no_mangle]
pub extern "C" fn {{crate_name}}_create() -> *mut Cache {
    Box::into_raw(Box::new(Cache::new()))
}

/// Releases a cache and everything in it. Null is ignored.
///
/// # Safety
/// `cache` comes from `{{crate_name}}_create`, is freed once, and no other call on it is running or follows.
#[no_mangle]
pub unsafe extern "C" fn {{crate_name}}_free(cache: *mut Cache) {
    if !cache.is_null() {
        drop(Box::from_raw(cache));
    }
}

/// Stores a copy of `value` under a copy of `key`, replacing any previous value. Returns 0, or -1 for invalid arguments.
///
/// # Safety
/// `cache` is live; `key`/`value` are readable for their lengths.
#[no_mangle]
pub unsafe extern "C" fn {{crate_name}}_set(cache: *const Cache, key: *const u8, key_len: usize, value: *const u8, value_len: usize) -> i32 {
    match (cache.as_ref(), bytes(key, key_len), bytes(value, value_len)) {
        (Some(cache), Some(key), Some(value)) => {
            cache.set(key, value);
            0
        }
        _ => INVALID_ARGUMENT,
    }
}

/// Looks `key` up. Found: writes a new buffer holding a copy of the value to `*out_value`/`*out_len` (release it with
/// `{{crate_name}}_buffer_free`) and returns 1. Absent: writes null/0 and returns 0. Invalid arguments: -1.
///
/// # Safety
/// `cache` is live; `key` is readable for `key_len` bytes; `out_value` and `out_len` are writable.
#[no_mangle]
pub unsafe extern "C" fn {{crate_name}}_get(
    cache: *const Cache,
    key: *const u8,
    key_len: usize,
    out_value: *mut *mut u8,
    out_len: *mut usize,
) -> i32 {
    let (Some(cache), Some(key)) = (cache.as_ref(), bytes(key, key_len)) else {
        return INVALID_ARGUMENT;
    };
    if out_value.is_null() || out_len.is_null() {
        return INVALID_ARGUMENT;
    }
    match cache.get(key) {
        Some(value) => {
            *out_len = value.len();
            *out_value = Box::into_raw(value) as *mut u8;
            FOUND
        }
        None => {
            *out_len = 0;
            *out_value = std::ptr::null_mut();
            ABSENT
        }
    }
}

/// Removes `key`. Returns 1 when it was there, 0 when not, -1 for invalid arguments.
///
/// # Safety
/// `cache` is live; `key` is readable for `key_len` bytes.
#[no_mangle]
pub unsafe extern "C" fn {{crate_name}}_delete(cache: *const Cache, key: *const u8, key_len: usize) -> i32 {
    match (cache.as_ref(), bytes(key, key_len)) {
        (Some(cache), Some(key)) => {
            if cache.delete(key) {
                FOUND
            } else {
                ABSENT
            }
        }
        _ => INVALID_ARGUMENT,
    }
}

/// The number of keys; 0 for a null cache.
///
/// # Safety
/// `cache` is live or null.
#[no_mangle]
pub unsafe extern "C" fn {{crate_name}}_len(cache: *const Cache) -> usize {
    cache.as_ref().map_or(0, Cache::len)
}

/// Releases a buffer `{{crate_name}}_get` returned. Null is ignored.
///
/// # Safety
/// `ptr`/`len` are exactly what one `get` call wrote, released once.
#[no_mangle]
pub unsafe extern "C" fn {{crate_name}}_buffer_free(ptr: *mut u8, len: usize) {
    if !ptr.is_null() {
        drop(Box::from_raw(std::ptr::slice_from_raw_parts_mut(ptr, len)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_get_delete_round_trip() {
        let cache = Cache::new();
        cache.set(b"k", b"v1");
        cache.set(b"k", b"v2");
        cache.set(b"", b"");
        assert_eq!(cache.get(b"k").as_deref(), Some(&b"v2"[..]));
        assert_eq!(cache.get(b"").as_deref(), Some(&b""[..]));
        assert!(cache.delete(b"k"));
        assert!(!cache.delete(b"k"));
        assert_eq!(cache.len(), 1);
    }
}
