//! `extract`: reads a saved LinkedIn page and prints the extraction JSON the extension produces.
fn main() {
    eprintln!("not yet implemented");
    std::process::exit(2);
}
