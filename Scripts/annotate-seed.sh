#!/usr/bin/env bash
# Builds Annotations/north-korea-diplomacy.tei.xml, the shipped corpus, from
# seeds/north-korea-diplomacy.txt with the standoff command line only, so that the corpus is
# reproducible and this script is a worked example of the CLI.
#
#   Scripts/annotate-seed.sh [OUTPUT]       (default: Annotations/north-korea-diplomacy.tei.xml)
#
# STANDOFF names the binary to use (default: builds and uses .build/debug/standoff).
# Time stamps come from SOURCE_DATE_EPOCH, so the output is the same on every run.
set -euo pipefail
cd "$(dirname "$0")/.."

out=${1:-Annotations/north-korea-diplomacy.tei.xml}
if [ -z "${STANDOFF:-}" ]; then
  swift build --product standoff >&2
  STANDOFF="$(swift build --show-bin-path)/standoff"
fi
export SOURCE_DATE_EPOCH=1732924800          # 2024-11-30T00:00:00Z
export STANDOFF_ANNOTATOR=standoff-team      # every annotation records who made it (method: manual)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
file="$work/$(basename "$out")"

standoff() { "$STANDOFF" "$@" >/dev/null; }
person()   { standoff register add person "$file" "$@"; }
org()      { standoff register add org "$file" "$@"; }
place()    { standoff register add place "$file" "$@"; }
topic()    { standoff taxonomy add "$file" topic "$@"; }
entity()   { standoff add entity "$file" "$@"; }
quote()    { standoff add quotation "$file" "$@"; }
stance()   { standoff add stance "$file" "$@"; }
error()    { standoff add error "$file" "$@"; }

standoff init seeds/north-korea-diplomacy.txt -o "$file" --lang en \
  --title "Trump's second shot at North Korea diplomacy (machine-translated opinion article, annotated)"

# ---------------------------------------------------------------------------------------------
# Registers. Wikidata ids only where we are sure of them.
# ---------------------------------------------------------------------------------------------
person --id trump    --name "Donald Trump" --alias Trump --alias "next president" --wikidata Q22686
person --id kim      --name "Kim Jong Un" --alias Kim --alias "North Korean leader" --alias "North Korean dictator" --alias "North Korean head of state" --wikidata Q56226
person --id moon     --name "Moon Jae-in" --alias "the then South Korean President"
person --id bush     --name "George W. Bush" --alias Bush --wikidata Q207
person --id obama    --name "Barack Obama" --alias Obama --wikidata Q76
person --id biden    --name "Joe Biden" --alias Biden --wikidata Q6279
person --id putin    --name "Vladimir Putin" --alias Putin --wikidata Q7747
person --id depetris --name "Daniel R. DePetris" --alias "the author"

org --id reuters               --name Reuters --wikidata Q130879
org --id trump-inner-circle    --name "Members of Trump's inner circle (unnamed sources)"
org --id trump-advisers        --name "Trump's national security advisers" --alias "his hardline advisors"
org --id trump-administration  --name "First Trump administration" --alias "the first Trump administration"
org --id biden-administration  --name "Biden administration"
org --id kim-regime            --name "Government of North Korea" --alias "the Kim regime"
org --id unsc                  --name "United Nations Security Council" --alias "UN Security Council" --wikidata Q37470
org --id defense-priorities    --name "Defense Priorities"
org --id spectator             --name "The Spectator"

place --id usa         --name "United States" --alias US --alias U.S. --alias America --alias Washington --wikidata Q30
place --id north-korea --name "North Korea" --alias Pyongyang --alias "North Korean" --wikidata Q423
place --id south-korea --name "South Korea" --alias "South Korean" --wikidata Q884
place --id japan       --name Japan --wikidata Q17
place --id china       --name China --wikidata Q148
place --id russia      --name Russia --alias Moscow --wikidata Q159
place --id ukraine     --name Ukraine --wikidata Q212
place --id mexico      --name Mexico --wikidata Q96
place --id east-asia   --name "East Asia" --wikidata Q27231
place --id yongbyon    --name "Yongbyon Nuclear Scientific Research Center" --alias "main plutonium research facility at Yongbyon"

# What stances are about, when it is a policy rather than an actor.
topic first-term-diplomacy   --description "Trump's direct, personal summit diplomacy with Kim Jong Un in his first term (2018-2019)"
topic new-talks              --description "A new round of negotiations between the United States and North Korea"
topic bottom-up-diplomacy    --description "The Bush and Obama administrations' bottom-up negotiations with North Korea"
topic sanctions              --description "Economic sanctions on North Korea"
topic military-action        --description "Military options against North Korea, such as a limited 'bloody nose' strike"
topic denuclearization       --description "North Korea giving up its nuclear weapons programme"
topic biden-outreach         --description "The Biden administration's overtures toward North Korea"
topic trilateral-cooperation --description "Military cooperation between the United States, South Korea and Japan"

# ---------------------------------------------------------------------------------------------
# Entities, paragraph by paragraph. Capitals used for their governments (Pyongyang, Washington,
# Moscow) link to the country and say so in a feature.
# ---------------------------------------------------------------------------------------------
metonymy=(--feature metonymy=capital-for-state)

# p1
entity --text "Donald Trump" --category PER --ref trump
entity --text US --context "in US history" --category GPE --ref usa
entity --text US --context "the US-Mexico border" --category GPE --ref usa
entity --text Mexico --category GPE --ref mexico
entity --text Ukraine --context "peace deal between Ukraine and Russia" --category GPE --ref ukraine
entity --text Russia --context "peace deal between Ukraine and Russia" --category GPE --ref russia
# p2
entity --text Trump --context "For Trump, however" --category PER --ref trump
entity --text "North Korean" --context "solving the North Korean nuclear conundrum" --category NORP --ref north-korea
entity --text Pyongyang --context "Taking Pyongyang's nuclear" --category GPE --ref north-korea "${metonymy[@]}"
entity --text Trump --context "is Trump's proverbial" --category PER --ref trump
entity --text Trump --context "Members of Trump's inner circle" --category PER --ref trump
entity --text Reuters --category ORG --ref reuters
entity --text "late November" --category DATE
entity --text "next president" --category PER --ref trump
entity --text "North Korean leader" --context "with North Korean leader Kim" --category PER --ref kim
entity --text "North Korean" --context "with North Korean leader" --category NORP --ref north-korea
entity --text "Kim Jong Un" --category PER --ref kim
# p3
entity --text Trump --context "If Trump comes into office" --category PER --ref trump
entity --text Kim --context "relationship with Kim, then" --category PER --ref kim
entity --text "North Korean" --context "Resolving the North Korean nuclear issue" --category NORP --ref north-korea
entity --text "five years ago" --category DATE
entity --text today --context "more difficult today" --category DATE
# p4
entity --text Trump --context "first term, Trump was able" --category PER --ref trump
entity --text "North Korean head of state" --category PER --ref kim
entity --text "North Korean" --context "the North Korean head of state" --category NORP --ref north-korea
entity --text Bush --category PER --ref bush
entity --text Obama --category PER --ref obama
entity --text Pyongyang --context "negotiate with Pyongyang turned" --category GPE --ref north-korea "${metonymy[@]}"
# p5
entity --text "almost a year" --category DATE
entity --text Pyongyang --context "scare Pyongyang into" --category GPE --ref north-korea "${metonymy[@]}"
entity --text Trump --context "talks, Trump chose" --category PER --ref trump
entity --text "South Korean" --category NORP --ref south-korea
entity --text "Moon Jae-in" --category PER --ref moon
entity --text Trump --context "convince Trump that" --category PER --ref trump
entity --text Kim --context "communication with Kim could" --category PER --ref kim
# p6
entity --text Trump --context "meetings between Trump and Kim" --category PER --ref trump
entity --text Kim --context "meetings between Trump and Kim" --category PER --ref kim
entity --text Trump --context "While Trump managed" --category PER --ref trump
entity --text "North Korea" --context "conquer North Korea suspend" --category GPE --ref north-korea
entity --text "a year" --context "tests for a year" --category DATE
entity --text Trump --context "In the end, Trump and Kim" --category PER --ref trump
entity --text Kim --context "In the end, Trump and Kim" --category PER --ref kim
entity --text Trump --context "— Trump, urged" --category PER --ref trump
entity --text "North Korea" --context "denuclearization of North Korea;" --category GPE --ref north-korea
entity --text Kim --context "Meanwhile, Kim was" --category PER --ref kim
entity --text "main plutonium research facility at Yongbyon" --category FAC --ref yongbyon
# p7
entity --text "United States" --context "between the United States and North Korea has" --category GPE --ref usa
entity --text "North Korea" --context "between the United States and North Korea has" --category GPE --ref north-korea
entity --text "Biden administration" --category ORG --ref biden-administration
entity --text Biden --category PER --ref biden
entity --text Pyongyang --context "overtures toward Pyongyang" --category GPE --ref north-korea "${metonymy[@]}"
entity --text "the past four years" --category DATE
entity --text "North Korean" --context "what North Korean leaders" --category NORP --ref north-korea
entity --text Washington --context "part of Washington" --category GPE --ref usa "${metonymy[@]}"
entity --text U.S. --context "as well as U.S. attempts" --category GPE --ref usa
entity --text "United States" --context "countries. United States, South Korea" --category GPE --ref usa
entity --text "South Korea" --context "United States, South Korea and Japan" --category GPE --ref south-korea
entity --text Japan --category GPE --ref japan
# p8
entity --text "January 20" --category DATE
entity --text "North Korea" --context "North Korea's perennial" --category GPE --ref north-korea
entity --text Kim --context "thornier: Kim is" --category PER --ref kim
entity --text U.S. --context "end to U.S. sanctions" --category GPE --ref usa
entity --text "Trump administration" --category ORG --ref trump-administration
entity --text Trump --context "first Trump administration" --category PER --ref trump
# p9
entity --text Kim --context "First, Kim has" --category PER --ref kim
entity --text Trump --context "meetings with Trump. He" --category PER --ref trump
entity --text "the 2018 and 2019 summits" --category EVENT
entity --text "North Korean dictator" --category PER --ref kim
entity --text "North Korean" --context "The North Korean dictator" --category NORP --ref north-korea
entity --text US --context "lift US sanctions" --category GPE --ref usa
entity --text Pyongyang --context "between Pyongyang and the United States" --category GPE --ref north-korea "${metonymy[@]}"
entity --text "United States" --context "between Pyongyang and the United States" --category GPE --ref usa
entity --text American --context "later, American sanctions" --category NORP --ref usa
entity --text "United States" --context "between the United States and North Korea remained" --category GPE --ref usa
entity --text "North Korea" --context "between the United States and North Korea remained" --category GPE --ref north-korea
# p10
entity --text Kim --context "Kim will be more cautious" --category PER --ref kim
entity --text "United States" --context "negotiate with the United States.”" --category GPE --ref usa
entity --text November --context "said in Novemberadding" --category DATE --note "inside the run-together word Novemberadding (see the spacing error)"
entity --text American --context "further American aggression" --category NORP --ref usa
entity --text December --category DATE
entity --text "United States" --context "counterattacks” against the United States" --category GPE --ref usa
entity --text Washington --context "backed by Washington" --category GPE --ref usa "${metonymy[@]}"
# p11
entity --text 2018-2019 --category DATE
entity --text "North Korea" --context "2018-2019, North Korea" --category GPE --ref north-korea
entity --text US --context "lifting US sanctions was" --category GPE --ref usa
# p12
entity --text "Putin's war in Ukraine" --category EVENT
entity --text Putin --context "now Putin's war" --category PER --ref putin
entity --text Ukraine --context "war in Ukraine" --category GPE --ref ukraine
entity --text "Kim regime" --context "given the Kim regime" --category ORG --ref kim-regime
entity --text Kim --context "given the Kim regime" --category PER --ref kim
entity --text China --category GPE --ref china
entity --text Moscow --category GPE --ref russia "${metonymy[@]}"
entity --text "North Korean" --context "thousands of North Korean troops" --category NORP --ref north-korea
entity --text Ukraine --context "front between Ukraine and Russia" --category GPE --ref ukraine
entity --text Russia --context "front between Ukraine and Russia" --category GPE --ref russia
entity --text Russia --context "Russia, which used to be" --category GPE --ref russia
entity --text "United States" --context "partner in the United States'" --category GPE --ref usa
entity --text "North Korea" --context "denuclearize North Korea, is" --category GPE --ref north-korea
entity --text "North Korea" --context "using North Korea as a way" --category GPE --ref north-korea
entity --text America --context "thwart America's" --category GPE --ref usa
entity --text "East Asia" --category LOC --ref east-asia
# p13
entity --text Kim --context "For Kim, the advantages" --category PER --ref kim
entity --text Russia --context "relationship with Russia are" --category GPE --ref russia
entity --text Putin --context "clear: Putin needs" --category PER --ref putin
entity --text Kim --context "men; Kim needs" --category PER --ref kim
entity --text Russia --context "thanks to Russia's veto" --category GPE --ref russia
entity --text "UN Security Council" --category ORG --ref unsc
entity --text Russia --context "the Russia-North Korea relationship" --category GPE --ref russia
entity --text "North Korea" --context "the Russia-North Korea relationship" --category GPE --ref north-korea
entity --text Trump --context "difficult for Trump to get" --category PER --ref trump
entity --text "North Koreans" --category NORP --ref north-korea
# p14
entity --text Trump --context "suggests that Trump should" --category PER --ref trump
entity --text "North Korea" --context "foray with North Korea" --category GPE --ref north-korea
entity --text Trump --context "at the time, Trump's decision" --category PER --ref trump
entity --text American --context "challenged American presidents" --category NORP --ref usa
entity --text "more than three decades" --category DATE
# p15
entity --text Trump --context "if Trump wants" --category PER --ref trump
entity --text "North Korea" --context "improvement of North Korea's" --category GPE --ref north-korea
entity --text "United States" --context "deal the United States signs" --category GPE --ref usa
entity --text "Kim regime" --context "with the Kim regime will" --category ORG --ref kim-regime
entity --text Kim --context "with the Kim regime will" --category PER --ref kim
entity --text 2019 --context "in 2019, assuming" --category DATE
# p16
entity --text "Daniel R. DePetris" --category PER --ref depetris
entity --text "Defense Priorities" --category ORG --ref defense-priorities
entity --text Spectator --category ORG --ref spectator

# ---------------------------------------------------------------------------------------------
# Quotations: direct, partial, scare quotes and reported (indirect) speech, with the cue.
# ---------------------------------------------------------------------------------------------
quote --category indirect --speaker trump --cue promised \
  --text "to implement the largest deportation operation in US history, secure the US-Mexico border and negotiate a peace deal between Ukraine and Russia"
quote --category indirect --speaker trump-inner-circle --cue "told Reuters" \
  --text "the next president was already talking about restart personal diplomacy with North Korean leader Kim Jong Un that had begun during his first term"
quote --category scare --speaker unknown --text "“bloody nose“" \
  --note "a term for a limited military strike; the text does not say whose word it is"
quote --category indirect --speaker moon --cue convince \
  --text "a direct channel of communication with Kim could be the key to cementing a historically important nuclear deal"
quote --category indirect --speaker kim --cue considers --cert medium \
  --text "the 2018 and 2019 summits to be at best a waste of time and at worst a personal humiliation" \
  --note "a reported view; the text does not say where Kim expressed it"
quote --category direct --speaker kim --cue said \
  --text "“We have already explored all possible avenues to negotiate with the United States.”"
quote --category indirect --speaker kim --cue adding --text "that the result had been further American aggression"
quote --category indirect --speaker kim --cue promised --text "to launch the “hardest counterattacks” against the United States"
quote --category partial --speaker kim --cue promised --text "“hardest counterattacks”"

# ---------------------------------------------------------------------------------------------
# Stances: the author's (holder depetris) and those the article reports.
# ---------------------------------------------------------------------------------------------
stance --holder trump --target denuclearization --polarity favor \
  --text "Taking Pyongyang's nuclear program off the board is Trump's proverbial white whale"
stance --holder trump --target new-talks --polarity favor \
  --text "the next president was already talking about restart personal diplomacy"
stance --holder depetris --target new-talks --polarity mixed \
  --text "If Trump comes into office thinking he can easily resurrect his relationship with Kim, then he will risk disappointment." \
  --note "sceptical that talks can simply be revived, not opposed to them"
stance --holder trump --target first-term-diplomacy --polarity favor \
  --text "Trump was able to push for personal engagement with the North Korean head of state"
stance --holder trump-advisers --target first-term-diplomacy --polarity against \
  --text "despite resistance among his national security advisers"
stance --holder depetris --target first-term-diplomacy --polarity favor --text "This was the right decision at the time."
stance --holder depetris --target bottom-up-diplomacy --polarity against \
  --text "bottom-up attempts by the Bush and Obama administrations to negotiate with Pyongyang turned out to be laborious and unsuccessful"
stance --holder depetris --target sanctions --target military-action --polarity against \
  --text "his other options (more economic sanctions or military action) ranged from ineffective to disastrous"
stance --holder trump --target first-term-diplomacy --polarity favor --text "Trump chose to go for direct diplomacy"
stance --holder moon --target first-term-diplomacy --polarity favor \
  --text "was able to convince Trump that a direct channel of communication with Kim could be the key to cementing a historically important nuclear deal"
stance --holder depetris --target first-term-diplomacy --polarity mixed \
  --text "While Trump managed to conquer North Korea suspend missile tests for a year: no small achievement given your past activity – the striking summit finally crashed and burned."
stance --holder trump-advisers --target denuclearization --polarity favor \
  --text "urged by his hardline advisors, advocated for the complete denuclearization of North Korea"
stance --holder trump --target denuclearization --polarity favor \
  --text "Trump, urged by his hardline advisors, advocated for the complete denuclearization of North Korea"
stance --holder kim --target denuclearization --polarity against \
  --text "Kim was only willing to demobilize his main plutonium research facility at Yongbyon" \
  --note "against complete denuclearization; offered only a partial step"
stance --holder north-korea --target biden-outreach --polarity against \
  --text "The Biden administration's overtures toward Pyongyang over the past four years have been repeatedly rejected"
stance --holder north-korea --target trilateral-cooperation --polarity against --cert medium \
  --text "U.S. attempts to solidify a military relationship. trilateral between the two countries. United States, South Korea and Japan"
stance --holder kim --target first-term-diplomacy --polarity against \
  --text "He considers the 2018 and 2019 summits to be at best a waste of time and at worst a personal humiliation."
stance --holder kim --target new-talks --polarity against \
  --text "“We have already explored all possible avenues to negotiate with the United States.”"
stance --holder kim --target usa --polarity against \
  --text "his commitment to resisting what he perceives as a hostile bloc backed by Washington"
stance --holder north-korea --target sanctions --polarity against \
  --text "lifting US sanctions was seen as critical to its economic growth"
stance --holder russia --target denuclearization --polarity against \
  --text "Russia, which used to be a partner in the United States' desire to denuclearize North Korea, is now using North Korea" \
  --note "used to support denuclearization, now works against it"
stance --holder usa --target denuclearization --polarity favor --text "the United States' desire to denuclearize North Korea"
stance --holder russia --target usa --polarity against \
  --text "using North Korea as a way to thwart America's grand ambitions in East Asia"
stance --holder kim --target russia --polarity favor --text "the advantages of his relationship with Russia are equally clear"
stance --holder russia --target sanctions --polarity against \
  --text "thanks to Russia's veto in the UN Security Council, additional sanctions are a pipe dream"
stance --holder depetris --target new-talks --polarity favor \
  --text "None of this suggests that Trump should not attempt another diplomatic foray with North Korea."
stance --holder depetris --target first-term-diplomacy --polarity favor \
  --text "Trump's decision to turn things around and go straight to the source was an admirable attempt to manage an issue that has challenged American presidents for more than three decades"
stance --holder depetris --target new-talks --polarity mixed \
  --text "if Trump wants a second roll of the dice, he needs to keep a healthy dose of skepticism in mind"

# ---------------------------------------------------------------------------------------------
# Errors in the source text (machine translation and typesetting), each with its correction.
# ---------------------------------------------------------------------------------------------
error --category grammar --severity minor --text restart --context "talking about restart" --correction restarting
error --category quotation-mark --severity major --text "“" --context "nose“An" --correction "”" \
  --note "the closing quotation mark is an opening one"
error --category punctuation --severity major --text An --context "nose“An attack" --correction " — an" \
  --note "the appositive defining a bloody nose runs on with no space or dash, and with a capital"
error --category mistranslation --severity major --text "conquer North Korea suspend" --correction "get North Korea to suspend"
error --category punctuation --severity minor --text ":" --context "for a year: no small" --correction " —"
error --category pronoun --severity major --text your --context "given your past activity" --correction its \
  --note "the achievement concerns North Korea's past, not the reader's"
error --category mistranslation --severity major --text "the striking summit" --correction "the summitry"
error --category redundancy --severity minor --text "they couldn't" --correction "couldn't" \
  --note "the subject Trump and Kim is repeated as they"
error --category capitalisation --severity minor --text Meanwhile --correction meanwhile --note "capital after a semicolon"
error --category word-choice --severity major --text demobilize --correction dismantle \
  --note "one demobilizes troops, not a research facility"
error --category fragment --severity critical \
  --text "a military relationship. trilateral between the two countries. United States, South Korea and Japan." \
  --correction "a trilateral military relationship between the United States, South Korea and Japan." \
  --note "one sentence broken into three: the adjective trilateral starts a lowercase fragment, and 'the two countries' lists three"
error --category redundancy --severity minor --text "And it's probably thornier:" --correction "It is thornier because" \
  --note "repeats 'thornier' from the sentence before, hedged with 'probably'"
error --category capitalisation --severity minor --text "; The" --context "surprise; The North" --correction "; the" \
  --note "capital after a semicolon"
error --category pronoun --severity major --text Their --context "Their pleas" --correction His --note "refers to Kim alone"
error --category word-choice --severity minor --text pleas --correction efforts
error --category word-choice --severity minor --text "remained at their usual acrimony" --correction "remained as acrimonious as ever"
error --category punctuation --severity minor --text ".”" --context "United States.” said" --correction ",”" \
  --note "a quotation followed by its attribution ends with a comma"
error --category grammar --severity major --text said --context "” said in" --correction "he said" --note "the verb has no subject"
error --category spacing --severity minor --text Novemberadding --correction "November, adding"
error --category fragment --severity major --text "China. approaching Moscow, among other things, sending" \
  --correction "China by approaching Moscow and, among other things, sending" \
  --note "a participle clause cut off as its own sentence, starting in lowercase"
error --category word-choice --severity minor --text meekly --correction loosely
error --category pronoun --severity minor --text "we reach a deal" --correction "a deal is reached" \
  --note "the author is not a party to the deal"
error --category punctuation --severity minor --text ".." --correction "."
error --category capitalisation --severity minor --text "the Spectator" --correction "The Spectator" \
  --note "the magazine's name is The Spectator"

mkdir -p "$(dirname "$out")"
mv "$file" "$out"
echo "wrote $out" >&2
