//! Class arguments, read by the binding without consuming the JS object: an object of one of the
//! library's classes is found by its handle (a hidden `__handle` getter) in a table of the live
//! objects; anything else is `argument.wrong_type` naming the parameter — wasm-bindgen's own
//! check for a `&Calendar` parameter throws an uncoded `Error`, and its `Option<Calendar>`
//! would take the object away from the caller. An omitted optional class argument is `None`.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ops::Deref;
use std::rc::Rc;

use efficiency_core::error::Error;
use wasm_bindgen::JsValue;

thread_local! {
    static NEXT: Cell<u32> = const { Cell::new(1) };
    static LIVE: RefCell<HashMap<u32, Rc<dyn Any>>> = RefCell::new(HashMap::new());
}

/// A class's data, registered under a handle while its JS object lives (unregistered when the
/// object is freed, by `free()` or by the garbage collector).
pub(crate) struct Shared<T: 'static> {
    handle: u32,
    data: Rc<T>,
}

impl<T: 'static> Shared<T> {
    pub(crate) fn new(data: T) -> Self {
        let handle = NEXT.with(|n| {
            let h = n.get();
            n.set(h.checked_add(1).unwrap_or(1));
            h
        });
        let data = Rc::new(data);
        LIVE.with(|l| l.borrow_mut().insert(handle, data.clone() as Rc<dyn Any>));
        Shared { handle, data }
    }

    /// The handle JS reads through `__handle`.
    pub(crate) fn handle(&self) -> u32 {
        self.handle
    }
}

impl<T: 'static> From<T> for Shared<T> {
    fn from(data: T) -> Self {
        Shared::new(data)
    }
}

impl<T: 'static> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.data
    }
}

impl<T: 'static> Drop for Shared<T> {
    fn drop(&mut self) {
        // The table may already be gone when the thread ends.
        let _ = LIVE.try_with(|l| l.borrow_mut().remove(&self.handle));
    }
}

/// One of the library's JS classes: the data it holds and its name.
pub(crate) trait Class {
    /// The data.
    type Inner: 'static;
    /// The JS class name.
    const NAME: &'static str;
}

/// Declares a class for [`class`]: `is_class!(Calendar, core_cal::Calendar)`.
macro_rules! is_class {
    ($class:ident, $inner:ty) => {
        impl crate::class::Class for $class {
            type Inner = $inner;
            const NAME: &'static str = stringify!($class);
        }
    };
}
pub(crate) use is_class;

/// A class argument as the binding reads it: `.inner` is the class's data (as the class's own
/// methods read theirs: `&arg.inner`, `arg.inner.clone()` give a `&T` and a `T`).
pub(crate) struct Arg<T: 'static> {
    pub(crate) inner: Held<T>,
}

impl<T: 'static> Arg<T> {
    /// The data.
    pub(crate) fn inner(&self) -> &T {
        &self.inner
    }
}

/// Shared data read through a class argument (not `Clone` itself, so `.clone()` clones the data).
pub(crate) struct Held<T: 'static>(Rc<T>);

impl<T: 'static> Deref for Held<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The class argument `v` (parameter `arg`): an object of class `C`, or `argument.wrong_type`
/// naming the parameter.
pub(crate) fn class<C: Class>(v: &JsValue, arg: &str) -> Result<Arg<C::Inner>, JsValue> {
    let name = C::NAME;
    let handle = if v.is_object() {
        js_sys::Reflect::get(v, &JsValue::from_str("__handle"))
            .ok()
            .and_then(|h| h.as_f64())
    } else {
        None
    };
    let found = handle
        .and_then(|h| LIVE.with(|l| l.borrow().get(&(h as u32)).cloned()))
        .and_then(|rc| rc.downcast::<C::Inner>().ok());
    found.map(|rc| Arg { inner: Held(rc) }).ok_or_else(|| {
        let got = crate::convert::value(v).describe();
        crate::convert::error(
            Error::new(
                "argument.wrong_type",
                format!("{arg} must be a {name} (made by this library), not {got}"),
            )
            .with_field(arg),
        )
    })
}

/// An optional class argument: `None` for undefined or null.
pub(crate) fn opt_class<C: Class>(
    v: &JsValue,
    arg: &str,
) -> Result<Option<Arg<C::Inner>>, JsValue> {
    if v.is_undefined() || v.is_null() {
        Ok(None)
    } else {
        class::<C>(v, arg).map(Some)
    }
}
