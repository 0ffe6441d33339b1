import { useRender } from '../context.js';
import { Placeholder, TabItem, Tabs } from './basic.js';

/** Code-fence language names for file extensions whose names differ (others are used as they are). */
const languages: Record<string, string> = {
  js: 'javascript',
  mjs: 'javascript',
  ts: 'typescript',
  cs: 'csharp',
  py: 'python',
  rb: 'ruby',
  yml: 'yaml',
  proto: 'protobuf',
  pb: 'protobuf',
  sh: 'bash',
};

function languageOf(file: string): string {
  const ext = /\.([^./]+)$/.exec(file)?.[1]?.toLowerCase() ?? 'text';
  return languages[ext] ?? ext;
}

/**
 * EventCatalog 1.x `<EventExamples />`: each file of the resource's `examples/` folder as a code tab
 * (file name as label), with what is wrong with a JSON payload against the schema. The schemas section
 * lists the files before pages render; render code reads no folders.
 */
export function EventExamples({ title = 'Examples', description }: { title?: string; description?: string }) {
  const { resource, schemas } = useRender();
  if (!resource || resource.kind === 'doc') {
    return (
      <Placeholder
        name="EventExamples"
        reason="it shows the files of a resource's examples/ folder, and this page is not a resource."
      />
    );
  }
  const folder = resource.source.dir ? `${resource.source.dir}/examples` : 'examples';
  if (!schemas) {
    return (
      <Placeholder name="EventExamples" reason={`the files of ${folder}/ were not listed for this build.`} />
    );
  }
  const examples = schemas.examples.get(resource.key) ?? [];
  if (examples.length === 0) {
    return <Placeholder name="EventExamples" reason={`there are no files in ${folder}/ to show.`} />;
  }
  return (
    <section class="sy-examples sy-event-examples">
      <h3>{title}</h3>
      {description && <p>{description}</p>}
      <Tabs>
        {examples.map((e) => {
          const name = e.file.slice(e.file.lastIndexOf('/') + 1);
          return (
            <TabItem key={e.file} label={name}>
              {e.problems.length > 0 && (
                <ul class="sy-example__problems">
                  {e.problems.map((p) => (
                    <li key={p}>Does not match the schema: {p}</li>
                  ))}
                </ul>
              )}
              <pre class="sy-code">
                <code class={`language-${languageOf(name)}`}>{e.text}</code>
              </pre>
            </TabItem>
          );
        })}
      </Tabs>
    </section>
  );
}
