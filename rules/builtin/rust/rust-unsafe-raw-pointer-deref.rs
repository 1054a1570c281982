fn read(ptr: *const u8, len: usize, data: &[u8], i: usize) -> u8 {
    // ruleid: rust-unsafe-raw-pointer-deref
    let first = unsafe { *ptr };
    // ruleid: rust-unsafe-raw-pointer-deref
    let last = unsafe { *ptr.add(len - 1) };
    // ok: rust-unsafe-raw-pointer-deref
    let safe = data.get(i).copied().unwrap_or(0);
    // ok: rust-unsafe-raw-pointer-deref
    let pid = unsafe { libc::getpid() };
    // ok: rust-unsafe-raw-pointer-deref
    let boxed = Box::new(5u8); let v = *boxed;
    first ^ last ^ safe ^ (pid as u8) ^ v
}
