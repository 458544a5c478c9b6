/**
 * Rebuilds examples/warc/captures.warc.gz: two captured HTML pages (our own text), one gzip member
 * per record. Deterministic: the same script writes the same bytes.
 *
 *   npx tsx examples/make-warc.ts
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipWarcRecords, writeWarcResponse } from '../src/stages/ingest/warc-writer.js'

const EASTGATE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>New START inspections have been frozen since 2020 - Eastgate Tribune</title>
<meta property="og:title" content="New START inspections have been frozen since 2020">
<meta property="og:site_name" content="Eastgate Tribune">
<meta name="author" content="Nadia Ferrell">
<meta property="article:published_time" content="2023-02-22T07:30:00Z">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"New START inspections have been frozen since 2020","datePublished":"2023-02-22T07:30:00Z","author":{"@type":"Person","name":"Nadia Ferrell"}}</script>
</head><body>
<nav>EASTGATE TRIBUNE | News | Sport | Business | Culture</nav>
<article>
<h1>New START inspections have been frozen since 2020</h1>
<p class="byline">By Nadia Ferrell, 22 February 2023</p>
<p>Russia's decision on Tuesday to suspend its participation in New START follows almost three years in which the treaty's verification system has barely worked.</p>
<p>The treaty allows each side up to 18 short-notice on-site inspections a year. Both countries paused them in March 2020 because of the Covid-19 pandemic, and they never resumed.</p>
<p>In August 2022 Moscow said it would temporarily exempt its facilities from inspections, citing obstacles created by Western sanctions to travel by Russian inspectors. A meeting of the treaty's Bilateral Consultative Commission planned for late November in Cairo was called off by Russia shortly before it was due to begin.</p>
<p>Putin said on Tuesday that Russia was suspending its participation rather than withdrawing, and the Russian Foreign Ministry said Moscow would keep to the treaty's limits on deployed warheads and launchers.</p>
<p>At the end of January, the US State Department told Congress that Russia was not complying with its inspection obligations.</p>
</article>
<aside><h2>Most read</h2><ul><li>Council budget vote delayed again</li><li>How the new tram line will change your commute</li></ul></aside>
<footer>&copy; 2023 Eastgate Tribune &middot; Terms &middot; Privacy</footer>
</body></html>
`

const COASTLINE = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Xi and Putin open Moscow summit with informal talks - Coastline Courier</title>
<meta property="og:title" content="Xi and Putin open Moscow summit with informal talks">
<meta property="og:site_name" content="Coastline Courier">
<meta name="author" content="Rafael Quint">
<meta property="article:published_time" content="2023-03-20T21:10:00Z">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Xi and Putin open Moscow summit with informal talks","datePublished":"2023-03-20T21:10:00Z","author":[{"@type":"Person","name":"Rafael Quint"}]}</script>
</head><body>
<div class="topbar"><a href="/">Coastline Courier</a> | <a href="/news">News</a> | <a href="/world">World</a></div>
<div id="story">
<h1>Xi and Putin open Moscow summit with informal talks</h1>
<div class="meta">Rafael Quint, World Desk &mdash; Monday 20 March 2023</div>
<p>Chinese President Xi Jinping and Russian President Vladimir Putin began three days of meetings in Moscow on Monday with informal talks at the Kremlin, followed by dinner.</p>
<p>At the start of the meeting, Putin told Xi that Russia had studied China's proposals for settling the conflict in Ukraine carefully and with respect. Xi said in a statement on his arrival that the two countries were each other's largest neighbours and strategic partners.</p>
<p>The informal meeting, held one on one, lasted more than four hours, according to the Kremlin.</p>
<p>Formal talks between the two delegations were scheduled for Tuesday, when the leaders were expected to sign a joint statement on their partnership.</p>
<p>The visit is Xi's first to Russia since 2019.</p>
</div>
<div class="share">Share: Facebook | X | Email</div>
<div class="footer">Coastline Courier &copy; 2023 &middot; About us &middot; Advertise</div>
</body></html>
`

const records = [
  writeWarcResponse({ url: 'https://eastgatetribune.example/world/2023/02/22/new-start-inspections', date: '2023-02-22T09:00:00Z', body: EASTGATE }),
  writeWarcResponse({ url: 'https://coastlinecourier.example/world/2023/03/20/xi-putin-informal-talks', date: '2023-03-20T22:00:00Z', body: COASTLINE }),
]
const out = fileURLToPath(new URL('./warc/captures.warc.gz', import.meta.url))
writeFileSync(out, gzipWarcRecords(records))
console.log(`wrote ${out} (${records.length} records)`)
