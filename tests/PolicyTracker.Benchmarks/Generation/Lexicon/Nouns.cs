namespace PolicyTracker.Benchmarks.Generation.Lexicon;

/// <summary>Nouns of AI-policy coverage, roughly most frequent first (the order is the Zipf rank).</summary>
internal static class Nouns
{
    /// <summary>Countable nouns in the singular; plurals are derived by <see cref="Morphology"/>.</summary>
    public const string Countable = """
        government company model system rule law bill policy report official developer agency plan proposal
        country state court lawmaker regulator group issue question step decision framework standard
        requirement deal agreement market product service tool chip lab firm industry program project effort
        process review letter statement hearing committee member leader executive president minister secretary
        commissioner director spokesperson researcher expert analyst critic advocate user customer consumer
        worker student parent child risk threat concern challenge problem benefit opportunity goal priority
        approach strategy measure provision clause section amendment draft version update change shift move
        response reaction warning deadline date timeline period year month week day quarter decade moment
        phase stage round term session vote majority coalition party campaign election candidate voter
        district city region province nation economy sector business startup investor fund investment
        contract license permit exemption waiver exception loophole penalty fine sanction lawsuit case
        complaint claim ruling judgment appeal settlement investigation probe inquiry audit assessment
        evaluation test benchmark score result finding study paper survey poll dataset database record
        document filing disclosure notice guideline principle code charter treaty convention declaration
        summit meeting conference forum panel board council commission office department ministry bureau
        authority body institute center network platform app website feature capability function
        application interface chatbot assistant agent robot device computer server cluster data_center
        algorithm parameter weight token prompt output input answer image video voice clone deepfake
        watermark label filter classifier detector safeguard guardrail mitigation vulnerability exploit
        attack incident breach failure error bug flaw bias harm hazard jailbreak threshold limit cap
        ceiling quota target metric indicator signal trend pattern factor driver source reason cause effect
        impact consequence outcome trade-off debate discussion conversation negotiation dispute conflict
        fight race competition rival competitor partner ally partnership alliance consortium initiative
        scheme pilot sandbox registry inventory catalog list index map roadmap blueprint agenda mandate
        directive order regulation statute ordinance resolution motion petition memo memorandum briefing
        interview podcast newsletter article blog_post headline story editorial column engineer scientist
        founder chief_executive lawyer attorney judge senator representative governor mayor ambassador
        diplomat envoy negotiator adviser staffer aide consultant lobbyist activist academic professor
        economist historian ethicist journalist reporter editor publisher author artist musician actor
        creator writer teacher doctor nurse patient employer employee union contractor supplier vendor
        provider operator deployer manufacturer maker owner buyer seller shareholder trustee auditor
        inspector watchdog ombudsman border port factory plant facility site campus building hospital
        school university college library museum newsroom studio budget grant subsidy loan tax tariff fee
        price cost revenue profit loss valuation stake share bond payment salary wage semiconductor wafer
        processor accelerator graphics_card supercomputer protocol specification repository architecture
        layer module component patch release launch rollout deployment integration upgrade migration
        prototype demo leaderboard subscription account password identity profile message email post
        comment reply thread feed channel search_engine browser phone laptop camera sensor drone vehicle
        car truck satellite rocket weapon missile tank soldier army military base ship aircraft airport
        pipeline grid power_plant reactor turbine battery mine well field farm crop harvest river lake
        coast island forest mountain valley village town capital suburb street road bridge tunnel railway
        station line route journey trip visit tour delegation mission embassy consulate visa passport
        citizen resident immigrant refugee population household family community neighborhood audience
        reader viewer listener subscriber follower fan crowd protest strike walkout boycott petitioner
        plaintiff defendant witness juror prosecutor tribunal chamber parliament congress
        senate assembly legislature cabinet administration regime monarchy republic federation
        bloc pact accord communique consultation submission objection
        recommendation suggestion request demand offer bid tender auction sale purchase acquisition merger
        takeover spin-off listing flotation backer lender bank insurer broker exchange
        portfolio asset liability balance_sheet forecast estimate projection scenario
        stress_test simulation experiment trial sample cohort participant volunteer respondent
        interviewee specialist generalist practitioner professional graduate apprentice intern
        recruit hire layoff job role position seat title rank level tier grade category class type kind
        form format template example instance illustration analogy metaphor narrative frame lens view
        perspective opinion belief assumption argument point idea concept notion theory hypothesis thesis
        premise conclusion lesson takeaway insight observation remark note footnote caveat
        qualification condition obligation duty right freedom privilege protection guarantee promise
        pledge commitment vow ultimatum milestone landmark turning_point breakthrough
        setback delay pause moratorium ban freeze halt suspension shutdown outage disruption crisis
        emergency disaster accident collision crash leak spill fire flood storm heatwave drought
        pandemic outbreak virus vaccine drug treatment therapy diagnosis scan file folder archive
        backup copy duplicate original edition volume chapter page paragraph sentence word
        phrase language dialect translation transcript caption subtitle summary abstract overview
        outline checklist questionnaire ballot referendum census
        """;

    /// <summary>Mass nouns that read naturally without a plural or an indefinite article.</summary>
    public const string Uncountable = """
        research oversight compute safety security privacy transparency accountability governance
        enforcement compliance innovation competition legislation infrastructure software hardware data
        information evidence funding support pressure uncertainty scrutiny criticism guidance leadership
        progress growth demand supply power energy electricity water training inference
        testing monitoring reporting labeling licensing procurement manufacturing trade commerce
        cooperation coordination collaboration diplomacy trust confidence consent liability
        copyright intellectual_property authorship attribution provenance misinformation disinformation
        propaganda fraud crime terrorism surveillance censorship speech expression dissent access
        equity fairness discrimination inclusion accessibility education healthcare welfare employment
        unemployment productivity inflation capital momentum backlash opposition
        resistance consensus approval authorization certification registration verification
        validation documentation explainability interpretability robustness reliability resilience
        alignment autonomy control capacity performance efficiency latency throughput
        bandwidth storage memory cooling land housing transport logistics shipping aviation defense
        intelligence counterintelligence cybersecurity encryption authentication biometrics facial_recognition
        advertising marketing journalism media entertainment music film gaming sport fashion finance
        banking insurance retail agriculture mining construction tourism hospitality philanthropy
        """;
}
