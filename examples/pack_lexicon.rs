//! Writes `data/lexicon.bin` and `data/idf-en.bin` from `data/lexicon.txt` and `data/idf-en.txt`
//! (the format is described in `src/lexicon/pack.rs`). Run it after changing the text tables:
//!
//!     cargo run --release --features pack --example pack_lexicon

use std::path::Path;

use zhaiyao::lexicon::pack;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let lexicon = pack::lexicon_bin(&std::fs::read_to_string(data.join("lexicon.txt"))?)?;
    std::fs::write(data.join("lexicon.bin"), &lexicon)?;
    let english = pack::english_bin(&std::fs::read_to_string(data.join("idf-en.txt"))?)?;
    std::fs::write(data.join("idf-en.bin"), &english)?;
    println!(
        "lexicon.bin: {} bytes; idf-en.bin: {} bytes",
        lexicon.len(),
        english.len()
    );
    Ok(())
}
