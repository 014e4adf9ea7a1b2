//! The content script's snapshot read straight from the JS object, in a real service worker: the shapes
//! the shim sends are read as serde would read them, and anything else is refused with the field named.

use background::snapshot::read;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_service_worker);

fn js(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test JSON")
}

#[wasm_bindgen_test]
fn reads_what_the_shim_sends() {
    let snapshot = read(&js(
        r#"{"url":"https://www.linkedin.com/in/a/","lang":"de","title":"A | LinkedIn",
            "markup":"<main>é \" \\ </main>","embedded":["<code id=\"bpr-guid-1\">{}</code>"]}"#,
    ))
    .unwrap();
    assert_eq!(snapshot.url, "https://www.linkedin.com/in/a/");
    assert_eq!(snapshot.lang.as_deref(), Some("de"));
    assert_eq!(snapshot.title, "A | LinkedIn");
    assert_eq!(snapshot.markup, "<main>é \" \\ </main>");
    assert_eq!(snapshot.embedded, vec!["<code id=\"bpr-guid-1\">{}</code>"]);
    let bare = read(&js(r#"{"url":"u","lang":null,"markup":""}"#)).unwrap();
    assert_eq!(
        (bare.lang, bare.title, bare.embedded.len()),
        (None, String::new(), 0)
    );
}

#[wasm_bindgen_test]
fn refuses_other_shapes_and_names_the_field() {
    let refused = |json: &str| read(&js(json)).unwrap_err().0;
    assert!(refused(r#"{"markup":""}"#).contains("`url`"));
    assert!(refused(r#"{"url":"u"}"#).contains("`markup`"));
    assert!(refused(r#"{"url":"u","markup":7}"#).contains("`markup`"));
    assert!(refused(r#"{"url":"u","markup":"","embedded":"x"}"#).contains("`embedded`"));
    assert!(refused(r#"{"url":"u","markup":"","embedded":[1]}"#).contains("`embedded`"));
    assert!(refused(r#"{"url":"u","markup":"","lang":5}"#).contains("`lang`"));
}
