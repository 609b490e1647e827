//! Reading the binary tables (`data/lexicon.bin`, `data/idf-en.bin`): a section reader, LEB128
//! varints and a binary search over implicit arrays.

use super::pack;

/// Reads the sections of a binary table in order.
pub(super) struct Reader<'a> {
    pub(super) data: &'a [u8],
    pub(super) at: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.at.checked_add(n).filter(|&e| e <= self.data.len());
        let end = end.ok_or("truncated table")?;
        let bytes = &self.data[self.at..end];
        self.at = end;
        Ok(bytes)
    }

    pub(super) fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }

    pub(super) fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }

    pub(super) fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(self.take(8)?.try_into().unwrap()))
    }

    pub(super) fn section(&mut self) -> Result<&'a [u8], String> {
        let n = self.u32()? as usize;
        self.take(n)
    }

    pub(super) fn header(&mut self, magic: &[u8; 4]) -> Result<(), String> {
        if self.take(4)? != magic || self.u32()? != pack::VERSION {
            return Err("not a table of this version".into());
        }
        Ok(())
    }
}

/// A LEB128 varint at `*at`, advancing it. The tables are checked when opened.
#[inline]
pub(super) fn varint(bytes: &[u8], at: &mut usize) -> u64 {
    let mut n = 0u64;
    let mut shift = 0;
    loop {
        let Some(&b) = bytes.get(*at) else {
            return n;
        };
        *at += 1;
        n |= u64::from(b & 0x7F) << shift;
        if b < 0x80 || shift >= 56 {
            return n;
        }
        shift += 7;
    }
}

/// The index `cmp` finds equal in a sorted array of `len` items, if any.
pub(super) fn binary_search(len: usize, cmp: impl Fn(usize) -> std::cmp::Ordering) -> Option<usize> {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        match cmp(mid) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => return Some(mid),
        }
    }
    None
}
