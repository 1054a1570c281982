use std::mem::MaybeUninit;

fn buffer(n: usize) -> Vec<u8> {
    let mut v: Vec<u8> = Vec::with_capacity(n);
    // ruleid: rust-uninitialized-memory
    unsafe { v.set_len(n) };
    // ruleid: rust-uninitialized-memory
    let x: [u8; 16] = unsafe { MaybeUninit::uninit().assume_init() };
    // ok: rust-uninitialized-memory
    let zeroed = vec![0u8; n];
    // ok: rust-uninitialized-memory
    v.resize(n, 0);
    // ok: rust-uninitialized-memory
    let mut slot = MaybeUninit::<u64>::uninit();
    let _ = (x, zeroed, slot.write(1));
    v
}
