// Placeholder shell until the explorer's graph lands: shows what the tool is and that it runs.
export function App() {
  return (
    <main className="flex h-full flex-col items-center justify-center gap-3 bg-slate-50 text-slate-800">
      <h1 className="text-2xl font-semibold" data-testid="app-title">
        ioasid-explorer
      </h1>
      <p className="max-w-xl text-center text-sm text-slate-600">
        PCI topology, IOMMU groups and domains, and a simulator of how Linux decides which devices
        can be handed to userspace.
      </p>
    </main>
  );
}
