//! {{crate_name}}: parse rows of numbers from a byte buffer and aggregate them per column, with a C API for .NET.
//!
//! Input: bytes of lines separated by `\n` (a `\r` before it is dropped). A line holds fields separated by `,`; spaces
//! and tabs around a field are ignored. A field is a number: an optional sign, digits, and optionally `.` and more digits
//! (`-12`, `+3.25`, `0.5`; no exponent, no `inf`/`nan`, at least one digit before and after a `.`).
//! - A blank line (nothing but spaces/tabs) is skipped and not counted.
//! - A line with any field that is not a number (an empty field included) is malformed: it is counted in
//!   `malformed_rows` and contributes nothing.
//! - Every other line is a row: field `i` is added to column `i` (count, sum in row order, min, max). Columns at or
//!   beyond `max_columns` are not aggregated; `columns` still reports the widest row.
//!
//! Each number is parsed to the nearest f64 (correctly rounded, as .NET's `double.Parse` does), so a managed
//! implementation that follows these rules gets bit-identical results.
//!
//! Ownership: the caller owns every buffer; nothing is allocated for it and nothing is kept after a call returns.

/// The aggregate of one column. `min` and `max` are 0 when `count` is 0.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ColumnStats {
    pub count: u64,
    pub sum: f64,
    pub min: f64,
    pub max: f64,
}

/// What a call saw: well-formed rows, malformed rows, and the number of fields of the widest well-formed row.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RowSummary {
    pub rows: u64,
    pub malformed_rows: u64,
    pub columns: u64,
}

pub const OK: i32 = 0;
pub const INVALID_ARGUMENT: i32 = -1;

/// Aggregates `len` bytes at `data` into `stats[0..max_columns]` (overwritten) and `*summary`.
/// Returns 0, or -1 when a pointer is null while its length is not 0 (`summary` must never be null); nothing is written then.
///
/// # Safety
/// `data` must be readable for `len` bytes, `stats` writable for `max_columns` elements, `summary` writable.
#[no_mangle]
pub unsafe extern "C" fn {{crate_name}}_aggregate(
    data: *const u8,
    len: usize,
    stats: *mut ColumnStats,
    max_columns: usize,
    summary: *mut RowSummary,
) -> i32 {
    if (data.is_null() && len != 0) || (stats.is_null() && max_columns != 0) || summary.is_null() {
        return INVALID_ARGUMENT;
    }
    let input: &[u8] = if len == 0 { &[] } else { std::slice::from_raw_parts(data, len) };
    let columns: &mut [ColumnStats] = if max_columns == 0 { &mut [] } else { std::slice::from_raw_parts_mut(stats, max_columns) };
    *summary = aggregate(input, columns);
    OK
}

/// The same as the C entry point, for Rust callers and tests.
pub fn aggregate(input: &[u8], columns: &mut [ColumnStats]) -> RowSummary {
    for column in columns.iter_mut() {
        *column = ColumnStats::default();
    }
    let mut summary = RowSummary::default();
    let mut values: Vec<f64> = Vec::new();
    for raw in input.split(|&b| b == b'\n') {
        let line = raw.strip_suffix(b"\r").unwrap_or(raw);
        if line.iter().all(|&b| b == b' ' || b == b'\t') {
            continue;
        }
        values.clear();
        let mut malformed = false;
        for field in line.split(|&b| b == b',') {
            match parse_number(trim(field)) {
                Some(value) => values.push(value),
                None => {
                    malformed = true;
                    break;
                }
            }
        }
        if malformed {
            summary.malformed_rows += 1;
            continue;
        }
        summary.rows += 1;
        summary.columns = summary.columns.max(values.len() as u64);
        for (column, &value) in columns.iter_mut().zip(values.iter()) {
            if column.count == 0 {
                column.min = value;
                column.max = value;
            } else {
                if value < column.min {
                    column.min = value;
                }
                if value > column.max {
                    column.max = value;
                }
            }
            column.count += 1;
            column.sum += value;
        }
    }
    summary
}

fn trim(mut field: &[u8]) -> &[u8] {
    while let [b' ' | b'\t', rest @ ..] = field {
        field = rest;
    }
    while let [rest @ .., b' ' | b'\t'] = field {
        field = rest;
    }
    field
}

/// `[+-]?[0-9]+(\.[0-9]+)?`, parsed to the nearest f64; anything else is None.
fn parse_number(field: &[u8]) -> Option<f64> {
    let digits = match field {
        [b'+' | b'-', rest @ ..] => rest,
        _ => field,
    };
    let (whole, fraction) = match digits.iter().position(|&b| b == b'.') {
        Some(dot) => (&digits[..dot], Some(&digits[dot + 1..])),
        None => (digits, None),
    };
    if whole.is_empty() || !whole.iter().all(u8::is_ascii_digit) {
        return None;
    }
    if let Some(fraction) = fraction {
        if fraction.is_empty() || !fraction.iter().all(u8::is_ascii_digit) {
            return None;
        }
    }
    // Only ASCII sign, digits and '.' are left: valid UTF-8, and a syntax f64::from_str accepts.
    std::str::from_utf8(field).ok()?.parse::<f64>().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_rows_and_skips_malformed_and_blank_lines() {
        let mut columns = [ColumnStats::default(); 2];
        let summary = aggregate(b"1,2\r\n\n -3.5 , 4\nx,1\n5\n1,,2\n", &mut columns);
        assert_eq!(summary, RowSummary { rows: 3, malformed_rows: 2, columns: 2 });
        assert_eq!(columns[0], ColumnStats { count: 3, sum: 2.5, min: -3.5, max: 5.0 });
        assert_eq!(columns[1], ColumnStats { count: 2, sum: 6.0, min: 2.0, max: 4.0 });
    }

    #[test]
    fn empty_input_gives_zeroes() {
        let mut columns = [ColumnStats { count: 9, sum: 1.0, min: 1.0, max: 1.0 }];
        assert_eq!(aggregate(b"", &mut columns), RowSummary::default());
        assert_eq!(columns[0], ColumnStats::default());
    }
}
