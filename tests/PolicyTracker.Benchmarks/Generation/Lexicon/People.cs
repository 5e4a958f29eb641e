namespace PolicyTracker.Benchmarks.Generation.Lexicon;

/// <summary>Fictional people, their titles and the organisations that employ commentators.</summary>
internal static class People
{
    /// <summary>Given names from many backgrounds, as in an international newsroom's contacts.</summary>
    public static readonly string[] GivenNames =
    [
        "Amara", "Ben", "Chloe", "Daniel", "Elena", "Farid", "Grace", "Hiroshi", "Ines", "Jonah", "Kavya", "Liam",
        "Mei", "Nikolai", "Olivia", "Pablo", "Quinn", "Rania", "Samuel", "Tomasz", "Uma", "Victor", "Wen", "Ximena",
        "Yusuf", "Zofia", "Aaron", "Beatriz", "Chidi", "Dana", "Emeka", "Freya", "Gustavo", "Hana", "Ivan",
        "Julia", "Kenji", "Leila", "Marcus", "Nadia", "Oren", "Priya", "Rafael", "Sofia", "Thabo", "Valeria",
        "Wei", "Yara", "Aditi", "Bruno", "Camille", "Dmitri", "Esther", "Felix", "Gabriela", "Hamid", "Isla",
    ];

    /// <summary>Family names.</summary>
    public static readonly string[] FamilyNames =
    [
        "Okafor", "Lindqvist", "Tanaka", "Moreau", "Castillo", "Haddad", "Novak", "Brennan", "Chen", "Kowalski",
        "Mensah", "Patel", "Schneider", "Ferreira", "Ivanova", "Nakamura", "O'Connell", "Rahman", "Rossi",
        "Svensson", "Walsh", "Zhang", "Adeyemi", "Bauer", "Costa", "Dubois", "Eriksen", "Fischer", "Gupta",
        "Hoffman", "Iyer", "Jensen", "Kim", "Larsen", "Mendoza", "Nguyen", "Park", "Quintero", "Reyes", "Sato",
        "Thompson", "Ueda", "Vargas", "Whitfield", "Yilmaz", "Abara", "Bergström", "Carvalho", "Delgado",
        "Esposito", "Fujita", "García", "Hartley", "Ishikawa", "Jovanović", "Khan", "Liu", "Marsh", "Osei",
    ];

    /// <summary>Titles of officials at an agency.</summary>
    public static readonly string[] OfficialTitles =
    [
        "the director of", "a deputy director at", "the head of policy at", "a spokesperson for",
        "a senior adviser at", "the chief technologist at", "the general counsel of", "an assistant secretary at",
    ];

    /// <summary>Titles of outside commentators.</summary>
    public static readonly string[] CommentatorTitles =
    [
        "a senior fellow at", "the research director of", "an analyst at", "a professor of law at",
        "the policy lead at", "a visiting scholar at", "the executive director of", "a former official now at",
    ];

    /// <summary>Think tanks, universities and advocacy groups (fictional).</summary>
    public static readonly string[] CommentatorOrganisations =
    [
        "the Center for Compute Governance", "the Hartwell Institute", "Meridian Policy Lab",
        "the Institute for Technology and Public Trust", "Northgate University", "the Open Systems Council",
        "the Digital Rights Forum", "Eastbrook Law School", "the Foundation for Safe Automation",
        "the Atlantic Technology Roundtable", "Kestrel Analytics", "the Pacific Policy Institute",
    ];

    /// <summary>Builds a full name, occasionally with a middle initial.</summary>
    public static string FullName(DeterministicRng rng)
    {
        var given = rng.Pick(GivenNames);
        var family = rng.Pick(FamilyNames);
        return rng.Chance(0.12) ? $"{given} {(char)('A' + rng.Next(26))}. {family}" : $"{given} {family}";
    }
}
