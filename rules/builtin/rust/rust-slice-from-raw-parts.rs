use std::slice;

fn view(ptr: *const u8, len: usize, v: &Vec<u8>) -> usize {
    // ruleid: rust-slice-from-raw-parts
    let s = unsafe { slice::from_raw_parts(ptr, len) };
    // ruleid: rust-slice-from-raw-parts
    let m = unsafe { std::slice::from_raw_parts_mut(ptr as *mut u8, len + 1) };
    // ok: rust-slice-from-raw-parts
    let owned = &v[..len.min(v.len())];
    // ok: rust-slice-from-raw-parts
    let copy = v.as_slice();
    s.len() + m.len() + owned.len() + copy.len()
}
