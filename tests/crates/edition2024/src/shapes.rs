//! `mod shapes;` → src/shapes.rs: repr types and exports in a private module.

#[repr(C)]
#[derive(Clone, Copy)]
pub struct E24Size {
    pub width: u32,
    pub height: u32,
}

#[repr(u8)]
#[derive(Clone, Copy)]
pub enum E24Kind {
    Square = 0,
    Wide = 1,
    Tall = 2,
}

#[unsafe(no_mangle)]
pub extern "C" fn e24_area(size: E24Size) -> u64 {
    u64::from(size.width) * u64::from(size.height)
}

#[unsafe(no_mangle)]
pub extern "C" fn e24_kind(size: E24Size) -> E24Kind {
    if size.width == size.height {
        E24Kind::Square
    } else if size.width > size.height {
        E24Kind::Wide
    } else {
        E24Kind::Tall
    }
}
