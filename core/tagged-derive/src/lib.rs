//! `#[derive(TaggedDeserialize)]`: `Deserialize` for an enum that serializes internally tagged
//! (`#[serde(tag = "…")]`) or adjacently tagged (`#[serde(tag = "…", content = "…")]`), without serde's
//! `Content` buffer.
//!
//! Size: serde deserializes a tagged enum by buffering the input into its private `Content` tree and
//! then compiles a second copy of every nested type's deserializer over that buffer; in the extension's
//! wasm that machinery was the biggest single item (about a fifth of the worker's code). This derive
//! reads a `serde_json::Value` instead (whose deserializer the parts carry anyway), moves the tag out of
//! the object and hands `{"<tag>": {rest}}` (adjacent: `{"<tag>": <content>}`) to a private, externally
//! tagged twin of the enum, which serde derives without `Content`; the twin is then moved into the enum.
//!
//! The enum keeps `#[derive(Serialize)]` and its `#[serde(...)]` attributes, so what it writes is
//! unchanged; the twin carries the same variant and field attributes and the container's (without
//! `tag` / `content`), so what it reads is what serde's derive read. The enum's crate must depend on
//! `serde` and `serde_json`.

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::{format_ident, quote};
use syn::punctuated::Punctuated;
use syn::{parse_macro_input, Attribute, Data, DeriveInput, Expr, Fields, Lit, Meta, Token};

/// Derives `serde::Deserialize` for an internally or adjacently tagged enum (see the crate docs).
#[proc_macro_derive(TaggedDeserialize, attributes(serde))]
pub fn derive_tagged_deserialize(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand(&input)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// How the enum's tag is written.
struct Tagging {
    /// The tag field's name.
    tag: String,
    /// The content field's name (adjacently tagged), `None` when internally tagged.
    content: Option<String>,
    /// The container's `#[serde(...)]` items other than `tag` / `content`.
    rest: Vec<Meta>,
}

/// The string value of `name = "…"`.
fn string_value(meta: &Meta) -> syn::Result<String> {
    if let Meta::NameValue(nv) = meta {
        if let Expr::Lit(lit) = &nv.value {
            if let Lit::Str(s) = &lit.lit {
                return Ok(s.value());
            }
        }
    }
    Err(syn::Error::new_spanned(meta, "expected `name = \"…\"`"))
}

/// Reads the container's `#[serde(...)]` attributes.
fn tagging(input: &DeriveInput) -> syn::Result<Tagging> {
    let (mut tag, mut content, mut rest) = (None, None, Vec::new());
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("serde")) {
        for meta in attr.parse_args_with(Punctuated::<Meta, Token![,]>::parse_terminated)? {
            if meta.path().is_ident("tag") {
                tag = Some(string_value(&meta)?);
            } else if meta.path().is_ident("content") {
                content = Some(string_value(&meta)?);
            } else if meta.path().is_ident("untagged") {
                return Err(syn::Error::new_spanned(
                    meta,
                    "TaggedDeserialize: untagged enums are not supported",
                ));
            } else {
                rest.push(meta);
            }
        }
    }
    let tag = tag.ok_or_else(|| {
        syn::Error::new_spanned(
            &input.ident,
            "TaggedDeserialize needs `#[serde(tag = \"…\")]`",
        )
    })?;
    Ok(Tagging { tag, content, rest })
}

/// The `#[serde(...)]` attributes among `attrs` (copied onto the twin).
fn serde_attrs(attrs: &[Attribute]) -> Vec<&Attribute> {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("serde"))
        .collect()
}

fn expand(input: &DeriveInput) -> syn::Result<Tokens> {
    let Data::Enum(data) = &input.data else {
        return Err(syn::Error::new_spanned(
            &input.ident,
            "TaggedDeserialize is for enums",
        ));
    };
    if !input.generics.params.is_empty() {
        return Err(syn::Error::new_spanned(
            &input.generics,
            "TaggedDeserialize: generic enums are not supported",
        ));
    }
    let Tagging { tag, content, rest } = tagging(input)?;
    let name = &input.ident;
    let twin = format_ident!("__{}TaggedTwin", name);

    let mut twin_variants = Vec::new();
    let mut arms = Vec::new();
    for variant in &data.variants {
        let v = &variant.ident;
        let vattrs = serde_attrs(&variant.attrs);
        match &variant.fields {
            Fields::Named(fields) => {
                let names: Vec<_> = fields.named.iter().map(|f| f.ident.clone()).collect();
                let defs = fields.named.iter().map(|f| {
                    let (ident, ty, fattrs) = (&f.ident, &f.ty, serde_attrs(&f.attrs));
                    quote! { #(#fattrs)* #ident: #ty }
                });
                twin_variants.push(quote! { #(#vattrs)* #v { #(#defs),* } });
                arms.push(quote! { #twin::#v { #(#names),* } => #name::#v { #(#names),* } });
            }
            Fields::Unnamed(fields) if fields.unnamed.len() == 1 => {
                let f = &fields.unnamed[0];
                let (ty, fattrs) = (&f.ty, serde_attrs(&f.attrs));
                twin_variants.push(quote! { #(#vattrs)* #v(#(#fattrs)* #ty) });
                arms.push(quote! { #twin::#v(inner) => #name::#v(inner) });
            }
            Fields::Unnamed(fields) if content.is_some() => {
                let binds: Vec<_> = (0..fields.unnamed.len())
                    .map(|i| format_ident!("f{}", i))
                    .collect();
                let defs = fields.unnamed.iter().map(|f| {
                    let (ty, fattrs) = (&f.ty, serde_attrs(&f.attrs));
                    quote! { #(#fattrs)* #ty }
                });
                twin_variants.push(quote! { #(#vattrs)* #v(#(#defs),*) });
                arms.push(quote! { #twin::#v(#(#binds),*) => #name::#v(#(#binds),*) });
            }
            Fields::Unnamed(fields) => {
                return Err(syn::Error::new_spanned(
                    fields,
                    "internally tagged enums cannot have tuple variants",
                ));
            }
            // Internally tagged, a unit variant reads `{"tag": "x", …}` and ignores the rest: the twin
            // reads it as an empty struct variant from `{"x": {…}}`. Adjacently tagged, the content is
            // absent or `null`, which a unit variant reads as is.
            Fields::Unit if content.is_none() => {
                twin_variants.push(quote! { #(#vattrs)* #v {} });
                arms.push(quote! { #twin::#v {} => #name::#v });
            }
            Fields::Unit => {
                twin_variants.push(quote! { #(#vattrs)* #v });
                arms.push(quote! { #twin::#v => #name::#v });
            }
        }
    }

    let expecting = match &content {
        None => format!("an object with a `{tag}` field"),
        Some(c) => format!("an object with a `{tag}` field and an optional `{c}` field"),
    };
    // `{"<tag>": <inner>}` from the object `map` (tag already removed).
    let inner = match &content {
        None => quote! { ::serde_json::Value::Object(map) },
        Some(c) => quote! {
            match map.remove(#c) {
                ::core::option::Option::Some(content) => content,
                // No content: a unit variant, an unknown one, or the content is missing (serde's words).
                ::core::option::Option::None => {
                    return match #twin::deserialize(::serde_json::Value::String(tag)) {
                        ::core::result::Result::Ok(twin) => ::core::result::Result::Ok(twin.into()),
                        ::core::result::Result::Err(e) if e.to_string().starts_with("unknown variant") => {
                            ::core::result::Result::Err(D::Error::custom(e))
                        }
                        ::core::result::Result::Err(_) => ::core::result::Result::Err(D::Error::missing_field(#c)),
                    };
                }
            }
        },
    };

    Ok(quote! {
        const _: () = {
            use ::serde::Deserialize as _;

            #[derive(::serde::Deserialize)]
            #[serde(#(#rest),*)]
            #[allow(clippy::large_enum_variant, clippy::enum_variant_names)]
            enum #twin {
                #(#twin_variants),*
            }

            impl ::core::convert::From<#twin> for #name {
                fn from(twin: #twin) -> Self {
                    match twin {
                        #(#arms),*
                    }
                }
            }

            /// What `value` is, for an "invalid type" error.
            fn unexpected(value: &::serde_json::Value) -> ::serde::de::Unexpected<'_> {
                use ::serde::de::Unexpected;
                match value {
                    ::serde_json::Value::Null => Unexpected::Unit,
                    ::serde_json::Value::Bool(b) => Unexpected::Bool(*b),
                    ::serde_json::Value::Number(_) => Unexpected::Other("number"),
                    ::serde_json::Value::String(s) => Unexpected::Str(s),
                    ::serde_json::Value::Array(_) => Unexpected::Seq,
                    ::serde_json::Value::Object(_) => Unexpected::Map,
                }
            }

            #[automatically_derived]
            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::core::result::Result<Self, D::Error> {
                    use ::serde::de::Error as _;
                    let mut map = match ::serde_json::Value::deserialize(deserializer)? {
                        ::serde_json::Value::Object(map) => map,
                        other => return ::core::result::Result::Err(D::Error::invalid_type(unexpected(&other), &#expecting)),
                    };
                    let tag = match map.remove(#tag) {
                        ::core::option::Option::Some(::serde_json::Value::String(tag)) => tag,
                        ::core::option::Option::Some(other) => {
                            return ::core::result::Result::Err(D::Error::invalid_type(unexpected(&other), &"a variant name"));
                        }
                        ::core::option::Option::None => return ::core::result::Result::Err(D::Error::missing_field(#tag)),
                    };
                    let inner = #inner;
                    let mut outer = ::serde_json::Map::new();
                    outer.insert(tag, inner);
                    #twin::deserialize(::serde_json::Value::Object(outer))
                        .map(::core::convert::From::from)
                        .map_err(D::Error::custom)
                }
            }
        };
    })
}
