//! Languages read by words other than English (six in Latin script, Russian, Arabic): told
//! apart, labelled, and their stop words kept out of the keywords. The articles are written for
//! these tests.

use zhaiyao::lexicon::StopWords;
use zhaiyao::{Budget, Error, Lang, LangChoice, Options, Summarizer};

const FRENCH: &str = "La bibliothèque d'outils du quartier Saint-Roch ouvre ses portes.\n\
Depuis le mois de mars, les habitants peuvent emprunter des perceuses, des échelles et des machines à coudre.\n\
L'association qui gère la bibliothèque compte déjà plus de trois cents membres.\n\
Chaque samedi, des bénévoles réparent aussi les petits appareils électriques des voisins.\n\
Selon la mairie, la quantité de déchets encombrants a baissé de dix pour cent dans le quartier.\n\
Les responsables de l'association espèrent ouvrir une deuxième bibliothèque d'outils l'année prochaine.";

const GERMAN: &str = "Die Werkzeugbibliothek im Lindenviertel ist ein Erfolg.\n\
Seit März können die Bewohner dort Bohrmaschinen, Leitern und Nähmaschinen ausleihen.\n\
Der Verein, der die Bibliothek betreibt, hat schon mehr als dreihundert Mitglieder.\n\
Jeden Samstag reparieren Freiwillige außerdem kleine Elektrogeräte der Nachbarn.\n\
Nach Angaben der Stadt ist der Sperrmüll im Viertel um zehn Prozent zurückgegangen.\n\
Der Verein möchte im nächsten Jahr eine zweite Werkzeugbibliothek eröffnen.";

const SPANISH: &str = "La biblioteca de herramientas del barrio de San Telmo abrió sus puertas.\n\
Desde marzo, los vecinos pueden pedir prestados taladros, escaleras y máquinas de coser.\n\
La asociación que gestiona la biblioteca ya tiene más de trescientos socios.\n\
Cada sábado, los voluntarios también reparan los pequeños electrodomésticos de los vecinos.\n\
Según el ayuntamiento, los residuos voluminosos del barrio bajaron un diez por ciento.\n\
La asociación quiere abrir una segunda biblioteca de herramientas el próximo año.";

const PORTUGUESE: &str = "A biblioteca de ferramentas do bairro da Graça abriu as portas.\n\
Desde março, os moradores podem pedir emprestadas furadeiras, escadas e máquinas de costura.\n\
A associação que administra a biblioteca já tem mais de trezentos sócios.\n\
Todos os sábados, os voluntários também consertam os pequenos eletrodomésticos dos vizinhos.\n\
Segundo a prefeitura, o lixo volumoso do bairro não parou de cair e diminuiu dez por cento.\n\
A associação quer abrir uma segunda biblioteca de ferramentas no próximo ano.";

const ITALIAN: &str = "La biblioteca degli attrezzi del quartiere Santo Stefano ha aperto le porte.\n\
Da marzo gli abitanti possono prendere in prestito trapani, scale e macchine da cucire.\n\
L'associazione che gestisce la biblioteca conta già più di trecento soci.\n\
Ogni sabato i volontari riparano anche i piccoli elettrodomestici dei vicini.\n\
Secondo il comune, i rifiuti ingombranti del quartiere sono diminuiti del dieci per cento.\n\
L'associazione vuole aprire una seconda biblioteca degli attrezzi nel prossimo anno.";

const DUTCH: &str = "De gereedschapsbibliotheek in de Lindenwijk is een succes.\n\
Sinds maart kunnen de bewoners er boormachines, ladders en naaimachines lenen.\n\
De vereniging die de bibliotheek beheert, heeft al meer dan driehonderd leden.\n\
Elke zaterdag repareren vrijwilligers ook kleine elektrische apparaten van de buren.\n\
Volgens de gemeente is het grofvuil in de wijk met tien procent gedaald.\n\
De vereniging wil volgend jaar een tweede gereedschapsbibliotheek openen.";

const RUSSIAN: &str = "Библиотека инструментов в районе Сокол открыла свои двери.\n\
С марта жители могут брать на время дрели, лестницы и швейные машины.\n\
Ассоциация, которая управляет библиотекой, уже насчитывает более трёхсот членов.\n\
Каждую субботу волонтёры также чинят мелкую бытовую технику соседей.\n\
По данным мэрии, количество крупногабаритного мусора в районе снизилось на десять процентов.\n\
Ассоциация хочет открыть вторую библиотеку инструментов в следующем году.";

const ARABIC: &str = "افتتحت مكتبة الأدوات في حي الزيتون أبوابها للسكان.\n\
منذ شهر مارس يستطيع السكان استعارة المثاقب والسلالم وآلات الخياطة.\n\
وتضم الجمعية التي تدير المكتبة أكثر من ثلاثمائة عضو.\n\
وفي كل يوم سبت يصلح المتطوعون الأجهزة الكهربائية الصغيرة للجيران.\n\
وبحسب البلدية فإن النفايات الكبيرة في الحي انخفضت بنسبة عشرة في المائة.\n\
وتريد الجمعية افتتاح مكتبة ثانية للأدوات في العام المقبل.";

#[test]
fn each_language_is_labelled_and_its_stop_words_stay_out_of_the_keywords() {
    let summarizer = Summarizer::new();
    for (text, lang, keyword) in [
        (FRENCH, Lang::Fr, "bibliothèque"),
        (GERMAN, Lang::De, "werkzeugbibliothek"),
        (SPANISH, Lang::Es, "biblioteca"),
        (PORTUGUESE, Lang::Pt, "biblioteca"),
        (ITALIAN, Lang::It, "biblioteca"),
        (DUTCH, Lang::Nl, "vereniging"),
        (RUSSIAN, Lang::Ru, "библиотек"),
        (ARABIC, Lang::Ar, "مكتبة"),
    ] {
        let options = Options {
            budget: Budget::Sentences(2),
            keywords: 20,
            lang: LangChoice::Auto,
        };
        let summary = summarizer.summarize(text, &options).unwrap();
        assert_eq!(summary.lang, lang, "{text}");
        let stop = StopWords::of_language(lang).unwrap();
        let words: Vec<String> = summary.keywords.iter().map(|k| k.word.to_lowercase()).collect();
        assert!(words.len() >= 10, "{lang:?}: {words:?}");
        for phrase in &words {
            for word in phrase.split([' ', '\'', '’']) {
                assert!(!stop.contains(word), "{lang:?}: stop word {word:?} in {words:?}");
            }
        }
        assert!(words.iter().any(|w| w.contains(keyword)), "{lang:?}: {words:?}");
        // Summarised by words, every sentence is a sentence of the text.
        assert_eq!(summary.sentences.len(), 2);
        for sentence in &summary.sentences {
            assert!(text.contains(&sentence.text));
        }
    }
}

#[test]
fn a_language_can_be_given_and_its_label_is_its_code() {
    let summarizer = Summarizer::new();
    let summary = summarizer
        .summarize(
            FRENCH,
            &Options {
                lang: "fr".parse().unwrap(),
                ..Options::default()
            },
        )
        .unwrap();
    assert_eq!(summary.lang.code(), "fr");
    assert_eq!(serde_json::to_value(summary.lang).unwrap(), "fr");
}

#[test]
fn english_keeps_words_that_are_stop_words_elsewhere() {
    // "die" and "war" are German stop words, not English ones.
    let text = "Soldiers die in the war. The war went on for years. Many more will die in the war.";
    let summary = Summarizer::new().summarize(text, &Options::default()).unwrap();
    assert_eq!(summary.lang, Lang::En);
    let words: Vec<&str> = summary.keywords.iter().map(|k| k.word.as_str()).collect();
    assert!(words.contains(&"war"), "{words:?}");
}

#[test]
fn japanese_and_korean_are_reported_as_not_supported() {
    let summarizer = Summarizer::new();
    for (text, name) in [
        ("今日は図書館で会議がありました。とても楽しかったです。", "ja"),
        ("오늘 도서관에서 회의가 있었습니다. 정말 즐거웠어요.", "ko"),
    ] {
        let error = summarizer.summarize(text, &Options::default()).unwrap_err();
        assert_eq!(error, Error::UnsupportedLanguage(name));
        // The message names the language for a person; programs read the code.
        let english = if name == "ja" { "Japanese" } else { "Korean" };
        assert!(error.to_string().contains(english), "{error}");
    }
}
