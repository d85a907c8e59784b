// One recognisable colour per group, spread around the hue circle so neighbours differ.
export interface GroupColors {
  fill: string;
  border: string;
  title: string;
}

export function groupColors(group: number): GroupColors {
  const hue = (group * 137.508 + 200) % 360; // golden angle: consecutive groups far apart
  return {
    fill: `hsl(${hue.toFixed(0)} 70% 96% / 0.92)`,
    border: `hsl(${hue.toFixed(0)} 45% 55%)`,
    title: `hsl(${hue.toFixed(0)} 55% 28%)`,
  };
}
