namespace PolicyTracker.Benchmarks.Generation.Lexicon;

/// <summary>Fictional news outlets; their domains use the reserved .example TLD so no link resolves.</summary>
internal static class Outlets
{
    /// <summary>All outlets an article can be attributed to.</summary>
    public static readonly NewsSource[] All =
    [
        new("Policy Wire", "policywire.example"),
        new("The Frontier Ledger", "frontierledger.example"),
        new("Capitol Compute", "capitolcompute.example"),
        new("Brussels Digital Brief", "brusselsdigital.example"),
        new("The Algorithm Desk", "algorithmdesk.example"),
        new("Tech Governance Daily", "techgovdaily.example"),
        new("The Silicon Statute", "siliconstatute.example"),
        new("Regulation Review", "regreview.example"),
        new("Northbridge Times", "northbridgetimes.example"),
        new("The Morning Model", "morningmodel.example"),
        new("Datacenter Dispatch", "dcdispatch.example"),
        new("AI Policy Monitor", "aipolicymonitor.example"),
        new("The Compliance Post", "compliancepost.example"),
        new("Westminster Tech", "westminstertech.example"),
        new("Asia Tech Policy Review", "asiatechpolicy.example"),
        new("The Standards Bulletin", "standardsbulletin.example"),
        new("Open Weights Weekly", "openweights.example"),
        new("The Export Control Observer", "exportobserver.example"),
        new("Civic Code", "civiccode.example"),
        new("Harbor Street Journal", "harborstreet.example"),
        new("The Lattice", "thelattice.example"),
        new("Signal & Noise", "signalnoise.example"),
        new("The Beltway Byte", "beltwaybyte.example"),
        new("Global Tech Tribune", "gttribune.example"),
        new("The Inference", "theinference.example"),
        new("Ledger of Law", "ledgeroflaw.example"),
        new("Pacific Tech Courier", "pacificcourier.example"),
        new("The Evaluation", "theevaluation.example"),
        new("Markets & Machines", "marketsmachines.example"),
        new("Chipline", "chipline.example"),
    ];

    /// <summary>URL sections outlets file stories under.</summary>
    public static readonly string[] Sections = ["policy", "tech", "regulation", "world", "business", "ai", "news"];
}
