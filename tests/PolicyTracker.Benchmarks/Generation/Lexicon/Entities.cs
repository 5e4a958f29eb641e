namespace PolicyTracker.Benchmarks.Generation.Lexicon;

/// <summary>A family of model names: prefix, version range and optional suffix ("GPT-" 5.x " mini").</summary>
internal sealed record ModelFamily(string Prefix, int MinMajor, int MaxMajor, bool HasMinorVersion, string[] Suffixes)
{
    /// <summary>Builds one concrete model name such as "GPT-5.6" or "Qwen 4-Max".</summary>
    public string Name(DeterministicRng rng)
    {
        var major = rng.Next(MinMajor, MaxMajor + 1);
        var minor = HasMinorVersion && rng.Chance(0.7) ? "." + rng.Next(10) : string.Empty;
        return Prefix + major + minor + rng.Pick(Suffixes);
    }
}

/// <summary>An AI developer and the model families it ships.</summary>
internal sealed record Lab(string Name, ModelFamily[] Families);

/// <summary>A jurisdiction: how to name it, its seat of government and its legislature.</summary>
internal sealed record Jurisdiction(string Name, string Adjective, string Place, string Legislature);

/// <summary>A public body that writes or enforces AI rules.</summary>
internal sealed record Agency(string Name, string ShortName, Jurisdiction Jurisdiction);

/// <summary>A law, rule or code that articles discuss.</summary>
internal sealed record Instrument(string Name, Jurisdiction Jurisdiction);

/// <summary>Named labs, agencies, instruments and programmes of AI-policy coverage.</summary>
internal static class Entities
{
    private static readonly string[] Plain = [""];

    /// <summary>AI developers, most covered first.</summary>
    public static readonly Lab[] Labs =
    [
        new("OpenAI", [new("GPT-", 5, 6, true, ["", "", " mini", " Pro"]), new("Sora ", 3, 4, false, Plain)]),
        new("Anthropic", [new("Claude Opus ", 4, 5, true, Plain), new("Claude Sonnet ", 4, 5, true, Plain),
            new("Claude Haiku ", 4, 5, true, Plain)]),
        new("Google DeepMind", [new("Gemini ", 3, 4, true, [" Pro", " Flash", " Ultra"])]),
        new("Meta", [new("Llama ", 5, 6, false, ["", " Scout", " Maverick"])]),
        new("Mistral AI", [new("Mistral Large ", 3, 4, false, Plain), new("Magistral Medium ", 2, 3, false, Plain)]),
        new("xAI", [new("Grok ", 5, 6, true, Plain)]),
        new("DeepSeek", [new("DeepSeek-V", 4, 5, true, Plain), new("DeepSeek-R", 2, 3, false, Plain)]),
        new("Zhipu AI", [new("GLM-", 5, 5, true, Plain)]),
        new("Alibaba", [new("Qwen ", 4, 4, false, ["-Max", "-Plus", "-Coder"])]),
        new("Moonshot AI", [new("Kimi K", 3, 4, false, Plain)]),
        new("Microsoft", [new("Phi-", 5, 6, false, ["", "-mini"])]),
        new("Amazon", [new("Nova ", 2, 3, false, [" Pro", " Premier"])]),
    ];

    private static readonly Jurisdiction UnitedStates = new("the United States", "US", "Washington", "Congress");
    private static readonly Jurisdiction EuropeanUnion = new("the European Union", "EU", "Brussels", "the European Parliament");
    private static readonly Jurisdiction UnitedKingdom = new("the United Kingdom", "UK", "London", "Parliament");
    private static readonly Jurisdiction China = new("China", "Chinese", "Beijing", "the National People's Congress");
    private static readonly Jurisdiction Japan = new("Japan", "Japanese", "Tokyo", "the Diet");
    private static readonly Jurisdiction SouthKorea = new("South Korea", "South Korean", "Seoul", "the National Assembly");
    private static readonly Jurisdiction India = new("India", "Indian", "New Delhi", "Parliament");
    private static readonly Jurisdiction Canada = new("Canada", "Canadian", "Ottawa", "Parliament");
    private static readonly Jurisdiction Brazil = new("Brazil", "Brazilian", "Brasília", "the National Congress");
    private static readonly Jurisdiction Singapore = new("Singapore", "Singaporean", "Singapore", "Parliament");
    private static readonly Jurisdiction California = new("California", "California", "Sacramento", "the state legislature");

    // Listed most-covered first: agencies are drawn with a Zipf skew like everything else.
    /// <summary>Regulators and ministries.</summary>
    public static readonly Agency[] Agencies =
    [
        new("the EU AI Office", "the AI Office", EuropeanUnion),
        new("the Office of Science and Technology Policy", "OSTP", UnitedStates),
        new("the National Institute of Standards and Technology", "NIST", UnitedStates),
        new("the Bureau of Industry and Security", "BIS", UnitedStates),
        new("the UK AI Security Institute", "AISI", UnitedKingdom),
        new("the Cyberspace Administration of China", "the CAC", China),
        new("the European Commission", "the Commission", EuropeanUnion),
        new("the Federal Trade Commission", "the FTC", UnitedStates),
        new("the Center for AI Standards and Innovation", "CAISI", UnitedStates),
        new("Ofcom", "Ofcom", UnitedKingdom),
        new("the Competition and Markets Authority", "the CMA", UnitedKingdom),
        new("the Ministry of Industry and Information Technology", "MIIT", China),
        new("the Department for Science, Innovation and Technology", "DSIT", UnitedKingdom),
        new("the European Data Protection Board", "the EDPB", EuropeanUnion),
        new("Japan's AI Safety Institute", "J-AISI", Japan),
        new("the Ministry of Science and ICT", "MSIT", SouthKorea),
        new("the Ministry of Electronics and Information Technology", "MeitY", India),
        new("Innovation, Science and Economic Development Canada", "ISED", Canada),
        new("the National Data Protection Authority", "the ANPD", Brazil),
        new("the Infocomm Media Development Authority", "IMDA", Singapore),
        new("the California Privacy Protection Agency", "the CPPA", California),
    ];

    /// <summary>Laws, rules and codes, most covered first.</summary>
    public static readonly Instrument[] Instruments =
    [
        new("the EU AI Act", EuropeanUnion),
        new("Executive Order 14179", UnitedStates),
        new("the Export Administration Regulations", UnitedStates),
        new("the General-Purpose AI Code of Practice", EuropeanUnion),
        new("the Online Safety Act", UnitedKingdom),
        new("the Interim Measures for the Management of Generative AI Services", China),
        new("the Digital Services Act", EuropeanUnion),
        new("the CHIPS and Science Act", UnitedStates),
        new("the Measures for Labeling AI-Generated Synthetic Content", China),
        new("the Frontier Model Transparency Act", UnitedStates),
        new("the Frontier AI Bill", UnitedKingdom),
        new("the General Data Protection Regulation", EuropeanUnion),
        new("SB 53", California),
        new("the AI Basic Act", SouthKorea),
        new("the AI Promotion Act", Japan),
        new("the Digital Personal Data Protection Act", India),
        new("Bill 2338/2023", Brazil),
        new("the Model AI Governance Framework", Singapore),
        new("the Artificial Intelligence Accountability Act", Canada),
        new("the Digital Omnibus package", EuropeanUnion),
    ];

    // Fictional programmes, so stories can mention initiatives that exist nowhere else.
    /// <summary>Public programmes a story can revolve around.</summary>
    public static readonly string[] Programmes =
    [
        "the Frontier Model Assurance Pilot", "Project Lantern", "the Compute Provenance Initiative",
        "the Open Evaluation Commons", "Project Bellwether", "the Trusted Compute Registry",
        "the Safe Harbour Sandbox", "the National Model Testing Network", "the AI Incident Clearinghouse",
        "Project Northlight", "the Secure Weights Program", "the Public Compute Reserve",
        "the Synthetic Media Provenance Pilot", "the Chip Traceability Scheme", "the Responsible Scaling Compact",
    ];

    /// <summary>Policy topics, as noun phrases.</summary>
    public static readonly string[] Topics =
    [
        "compute thresholds", "export controls on advanced chips", "watermarking of AI-generated content",
        "incident reporting", "open-weight model releases", "copyright and training data", "child safety online",
        "election deepfakes", "data center energy use", "frontier model evaluations", "algorithmic hiring tools",
        "facial recognition in public spaces", "AI agents acting on users' behalf", "chip smuggling",
        "model weight security", "biosecurity risks from AI", "AI in critical infrastructure",
        "liability for AI harms", "transparency reports", "AI in public services", "AI companions and minors",
        "synthetic media labels", "GPU supply chains", "cross-border data flows", "AI-enabled cyberattacks",
        "the jobs impact of automation", "state AI laws", "federal preemption of state AI rules",
        "government AI procurement", "open-source exemptions",
    ];
}
